// SOCIAL: items the user's friends and followed users interacted with, by tie strength and recency:
//   score(u,i) = sum over ties f of  tie(u,f) * w_fi * exp(-ln2 * (now - lastTs_fi) / halfLife)
//   tie(u,f)   = $friendWeight for a FRIEND (either direction), $followWeight for a user u FOLLOWS; the
//                larger when both. Only positive interactions; users who declined social features
//                (consentSocial false, or unset and $consentDefaults.social false) are never shown or used.
// `friends` = the ties who contributed most (contribution DESC, id ASC), `count` = how many ties interacted,
// `buyers` = how many of them purchased it ("N friends bought this"). Order: score DESC, id ASC.
// $now is the reference time the API decays from: min(wall clock, latest event + 1 h) (src/usecases/recommend/
// reference-time.ts). On historical data pass the latest event time (cypher/demand/last-event.cypher), not today.
// Bounded expansion (RECS_CONFIG.cypherBounds; exact whenever no cap is reached): each tie contributes their
// $tieItems most recent positive items (lastTs DESC, weight DESC, id ASC; undated edges count as now, as in
// the decay), so a friend with a long history costs no more than a short one; the older items it drops are
// the ones the decay weighs least.
// :param userId => 'u1'
// :param now => 1735689600000
// :param halfLifeMs => 2592000000
// :param friendWeight => 1.0
// :param followWeight => 0.5
// :param tieItems => 100
// :param consentDefaults => {personalisation: true, social: true, analytics: true, marketing: true}
// :param viaLimit => 3
// :param excludeSeen => true
// :param excludePurchased => true
// :param excludeItemIds => []
// :param categoryIds => []
// :param minPrice => null
// :param maxPrice => null
// :param limit => 20
MATCH (u:User {id: $userId})
CALL (u) {
  MATCH (u)-[:FRIEND]-(f:User) RETURN f, $friendWeight AS tie
  UNION
  MATCH (u)-[:FOLLOWS]->(f:User) RETURN f, $followWeight AS tie
}
WITH u, f, max(tie) AS tie
WHERE f <> u AND coalesce(f.consentSocial, $consentDefaults.social)
CALL (f) {
  MATCH (f)-[r:INTERACTED]->(rec:Item)
  WHERE r.weight > 0
  RETURN rec, r
  ORDER BY coalesce(r.lastTs, $now) DESC, r.weight DESC, rec.id ASC
  LIMIT $tieItems
}
WITH u, rec, f, tie * r.weight * exp(-log(2.0) * ($now - coalesce(r.lastTs, $now)) / $halfLifeMs) AS contribution,
     r.purchases > 0 AS bought
ORDER BY contribution DESC, f.id ASC
WITH u, rec, sum(contribution) AS score, collect(f.id) AS friends, count(f) AS count,
     sum(CASE WHEN bought THEN 1 ELSE 0 END) AS buyers
WHERE NOT rec.id IN $excludeItemIds
  AND NOT EXISTS { MATCH (u)-[seen:INTERACTED]->(rec) WHERE $excludeSeen OR ($excludePurchased AND seen.purchases > 0) }
  AND (size($categoryIds) = 0 OR EXISTS { MATCH (rec)-[:IN_CATEGORY]->(fc:Category) WHERE fc.id IN $categoryIds })
  AND ($minPrice IS NULL OR rec.price >= $minPrice)
  AND ($maxPrice IS NULL OR rec.price <= $maxPrice)
RETURN rec.id AS id, score, friends[0..$viaLimit] AS friends, count, buyers
ORDER BY score DESC, id ASC
LIMIT $limit
