// One user's profile as userProfile shows it, flattened for analysts: the stored counters and features with
// the values derived from them at the latest event in the graph (recency, days since activity, the two
// funnel rates: the formulas of src/algorithms/profile/profile-counters.ts). A test checks this file gives
// the API's numbers.
// :param userId => 'u1'
CALL () { MATCH (e:Event) RETURN max(e.ts) AS asOf }
MATCH (u:User {id: $userId})
WITH u, asOf, coalesce(u.views, 0) AS views, coalesce(u.carts, 0) AS carts, coalesce(u.purchases, 0) AS purchases
RETURN u.id AS userId, asOf,
       CASE WHEN u.lastPurchaseTs IS NULL THEN null
            ELSE (CASE WHEN asOf > u.lastPurchaseTs THEN asOf - u.lastPurchaseTs ELSE 0 END) / 86400000.0 END AS recencyDays,
       purchases AS frequency,
       coalesce(u.monetary, 0.0) AS monetary,
       views, coalesce(u.favourites, 0) AS favourites, carts, purchases, coalesce(u.cancels, 0) AS cancels,
       coalesce(u.ratings, 0) AS ratings,
       u.sessions AS sessions, u.meanSessionMinutes AS meanSessionMinutes,
       CASE WHEN views = 0 THEN null WHEN carts >= views THEN 1.0 ELSE toFloat(carts) / views END AS viewToCartRate,
       CASE WHEN carts = 0 THEN null WHEN purchases >= carts THEN 1.0 ELSE toFloat(purchases) / carts END AS cartToPurchaseRate,
       CASE WHEN u.lastActivityTs IS NULL THEN null
            ELSE (CASE WHEN asOf > u.lastActivityTs THEN asOf - u.lastActivityTs ELSE 0 END) / 86400000.0 END AS daysSinceLastActivity,
       u.favouriteHour AS favouriteHour, u.favouriteWeekday AS favouriteWeekday, u.weekendShare AS weekendShare,
       COUNT { (u)-[:FRIEND]-(:User) } AS friends, COUNT { (:User)-[:FOLLOWS]->(u) } AS followers,
       COUNT { (u)-[:FOLLOWS]->(:User) } AS following, u.influence AS influence,
       u.pAlive AS pAlive, CASE WHEN u.pAlive IS NULL THEN null ELSE 1.0 - u.pAlive END AS churnRisk,
       u.expectedPurchases90d AS expectedPurchases90d, u.expectedAverageValue AS expectedAverageValue, u.clv AS clv,
       u.rfmR AS rfmR, u.rfmF AS rfmF, u.rfmM AS rfmM, u.rfmSegment AS rfmSegment,
       u.topCategoryIds AS topCategoryIds, u.topCategoryScores AS topCategoryScores
