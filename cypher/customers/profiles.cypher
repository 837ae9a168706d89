// Stored profiles of the given users (the API's userProfile, batched): the attributes, the behaviour
// counters that live events keep current, the features of the last `grec features` run, the social
// counts, the segments the user is in, and the GRAPH model's user vector when refreshGraphModel wrote one. Users that do not exist return no row.
// Analysts: MATCH one user with :param userIds => ['u1'] to see the numbers the API shows.
// :param userIds => ['u1']
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
       [(u)-[:IN_SEGMENT]->(s:Segment) | s.id] AS segmentIds
