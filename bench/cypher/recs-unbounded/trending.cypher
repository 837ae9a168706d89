// TRENDING: what is gaining attention now. Only events inside the window count, each decayed by its age:
//   score(i) = sum over events e on i with now - window < ts <= now of  w(e) * exp(-ln2 * (now - ts) / halfLife)
// w(e): view 1, favourite 2, cart 3, purchase 5, cancel -4, rating value-2 (src/domain/interaction-weights.ts),
// times the event's quantity when a load gave one (docs/generic-format.md), as in the INTERACTED weight.
// Uses the event_ts range index. `events` = number of events in the window. Order: score DESC, id ASC.
// $now is the reference time the API decays from: min(wall clock, latest event + 1 h) (src/usecases/recommend/
// reference-time.ts). On historical data pass the latest event time (cypher/demand/last-event.cypher), not today.
// :param userId => 'u1'
// :param now => 1735689600000
// :param windowMs => 604800000
// :param halfLifeMs => 86400000
// :param excludeSeen => true
// :param excludePurchased => true
// :param excludeItemIds => []
// :param categoryIds => []
// :param minPrice => null
// :param maxPrice => null
// :param limit => 20
MATCH (u:User {id: $userId})
MATCH (e:Event)-[:ON]->(rec:Item)
WHERE e.ts > $now - $windowMs AND e.ts <= $now
WITH u, rec, e,
     CASE e.type WHEN 'view' THEN 1.0 WHEN 'favourite' THEN 2.0 WHEN 'cart' THEN 3.0 WHEN 'purchase' THEN 5.0
                 WHEN 'cancel' THEN -4.0 WHEN 'rating' THEN coalesce(e.value, 2.0) - 2.0 ELSE 0.0 END * coalesce(e.quantity, 1.0) AS w
WITH u, rec, sum(w * exp(-log(2.0) * ($now - e.ts) / $halfLifeMs)) AS score, count(e) AS events
WHERE score > 0
  AND NOT rec.id IN $excludeItemIds
  AND NOT EXISTS { MATCH (u)-[seen:INTERACTED]->(rec) WHERE $excludeSeen OR ($excludePurchased AND seen.purchases > 0) }
  AND (size($categoryIds) = 0 OR EXISTS { MATCH (rec)-[:IN_CATEGORY]->(fc:Category) WHERE fc.id IN $categoryIds })
  AND ($minPrice IS NULL OR rec.price >= $minPrice)
  AND ($maxPrice IS NULL OR rec.price <= $maxPrice)
RETURN rec.id AS id, score, events
ORDER BY score DESC, id ASC
LIMIT $limit
