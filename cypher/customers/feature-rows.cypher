// Segments and clustering: the stored profile of every profiled user (keyset paging by id, as
// profile-inputs.cypher), the inputs of rule evaluation and k-means.
// :param after => ''
// :param batchSize => 5000
MATCH (u:User)
WHERE u.id > $after AND u.profileComputedAt IS NOT NULL
WITH u ORDER BY u.id LIMIT $batchSize
RETURN u {.id, .age, .gender, .location, .createdAt,
          .views, .favourites, .carts, .purchases, .cancels, .ratings, .monetary, .unpricedPurchases,
          .firstActivityTs, .lastActivityTs, .lastPurchaseTs,
          .sessions, .meanSessionMinutes, .favouriteHour, .favouriteWeekday, .weekendShare,
          .topCategoryIds, .topCategoryScores, .topTagIds, .topTagScores, .influence,
          .pAlive, .expectedPurchases90d, .expectedAverageValue, .clv, .rfmR, .rfmF, .rfmM, .rfmSegment,
          .profileComputedAt, .profileAsOf} AS profile,
       COUNT { (u)-[:FRIEND]-(:User) } AS friends,
       COUNT { (:User)-[:FOLLOWS]->(u) } AS followers,
       COUNT { (u)-[:FOLLOWS]->(:User) } AS following
ORDER BY u.id
