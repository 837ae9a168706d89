// Stored profiles of the given users (the API's userProfile, batched): the attributes, the behaviour
// counters that live events keep current, the features of the last `grec features` run, the social
// counts, the segments the user is in, the GRAPH model's user vector when refreshGraphModel wrote one, and
// the reference time (the latest event in the graph), all in one round trip. Users that do not exist
// return no row. Analysts: cypher/customers/user-profile.cypher shows one user's numbers with the
// derived values computed.
// :param userIds => ['u1']
CALL () { MATCH (e:Event) RETURN max(e.ts) AS asOf }
UNWIND $userIds AS id
MATCH (u:User {id: id})
RETURN u {.id, .age, .gender, .location, .createdAt,
          .views, .favourites, .carts, .purchases, .cancels, .ratings, .monetary, .unpricedPurchases,
          .firstActivityTs, .lastActivityTs, .lastPurchaseTs,
          .sessions, .meanSessionMinutes, .favouriteHour, .favouriteWeekday, .weekendShare,
          .topCategoryIds, .topCategoryScores, .topTagIds, .topTagScores, .influence,
          .pAlive, .expectedPurchases90d, .expectedAverageValue, .clv, .rfmR, .rfmF, .rfmM, .rfmSegment,
          .profileComputedAt, .profileAsOf, .embedding} AS profile,
       COUNT { (u)-[:FRIEND]-(:User) } AS friends,
       COUNT { (:User)-[:FOLLOWS]->(u) } AS followers,
       COUNT { (u)-[:FOLLOWS]->(:User) } AS following,
       [(u)-[:IN_SEGMENT]->(s:Segment) | s {.id, .name, .kind, .rule, .description, .size, .refreshedAt, .updatedAt, .centroid}] AS segments,
       asOf
