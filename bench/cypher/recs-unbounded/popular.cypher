// POPULAR: time-decayed popularity, overall or within categories; the cold-start fallback.
//   score(i) = sum over users v of  w_vi * exp(-ln2 * (now - lastTs_vi) / halfLife)
// w_vi is the aggregated INTERACTED weight (view 1, favourite 2, cart 3, purchase 5, cancel -4, rating value-2;
// log(1 + plays) for play counts); edges without a time (play counts) count undecayed. Items whose decayed sum
// is not positive are not popular. `interactions` = distinct users with a positive interaction.
// `categoryId` = the item's first category by id (for "popular in <category>").
// Filters (same block in every recs file): items the user saw / purchased, ids to exclude, categories, price.
// userId null (or unknown) gives the global ranking, which the API caches briefly for the hybrid and
// filters per user in memory (the same exclusions, so the same order). Order: score DESC, id ASC.
// $now is the reference time the API decays from: min(wall clock, latest event + 1 h) (src/usecases/recommend/
// reference-time.ts). On historical data pass the latest event time (cypher/demand/last-event.cypher), not today.
// :param userId => 'u1'
// :param now => 1735689600000
// :param halfLifeMs => 1209600000
// :param excludeSeen => true
// :param excludePurchased => true
// :param excludeItemIds => []
// :param categoryIds => []
// :param minPrice => null
// :param maxPrice => null
// :param limit => 20
OPTIONAL MATCH (u:User {id: $userId})
MATCH (:User)-[r:INTERACTED]->(rec:Item)
WITH u, rec,
     sum(r.weight * exp(-log(2.0) * ($now - coalesce(r.lastTs, $now)) / $halfLifeMs)) AS score,
     sum(CASE WHEN r.weight > 0 THEN 1 ELSE 0 END) AS interactions
WHERE score > 0
  AND NOT rec.id IN $excludeItemIds
  AND NOT EXISTS { MATCH (u)-[seen:INTERACTED]->(rec) WHERE $excludeSeen OR ($excludePurchased AND seen.purchases > 0) }
  AND (size($categoryIds) = 0 OR EXISTS { MATCH (rec)-[:IN_CATEGORY]->(fc:Category) WHERE fc.id IN $categoryIds })
  AND ($minPrice IS NULL OR rec.price >= $minPrice)
  AND ($maxPrice IS NULL OR rec.price <= $maxPrice)
WITH rec, score, interactions
ORDER BY score DESC, rec.id ASC
LIMIT $limit
RETURN rec.id AS id, score, interactions,
       COLLECT { MATCH (rec)-[:IN_CATEGORY]->(c:Category) RETURN c.id ORDER BY c.id LIMIT 1 }[0] AS categoryId
ORDER BY score DESC, id ASC
