// USER_CF: user-based collaborative filtering.
//   sim(u, v)  = sum_j w_uj * w_vj / (||w_u.|| * ||w_v.||)    cosine over positive INTERACTED weights
//   N(u)       = the $neighbours most similar users (sim DESC, id ASC)
//   score(u,i) = sum over v in N(u) of  sim(u, v) * w_vi
// `users` = the neighbours that contributed most to i (contribution DESC, id ASC), for the reason; only those
// who consented to social features are named (the others still count, anonymously, as in ITEM_CF);
// `neighbours` = how many contributed.
// Order: score DESC, id ASC.
// Bounded expansion (RECS_CONFIG.cypherBounds; exact whenever no cap is reached, as on small shops): the
// dot products run over the user's $historyItems most recent positive items (lastTs DESC, weight DESC, id ASC;
// undated edges count as oldest) and, for each, its $coUsersPerItem most recent co-users (same order), so a
// long history or a best seller does not pull in every user of the shop; the norms ||w_u.||, ||w_v.|| stay
// exact. Cost: historyItems x coUsersPerItem candidate neighbours x their degree.
// :param userId => 'u1'
// :param historyItems => 50
// :param coUsersPerItem => 100
// :param neighbours => 20
// :param viaLimit => 3
// :param consentDefaults => {personalisation: true, social: true, analytics: true, marketing: true}
// :param excludeSeen => true
// :param excludePurchased => true
// :param excludeItemIds => []
// :param categoryIds => []
// :param minPrice => null
// :param maxPrice => null
// :param limit => 20
MATCH (u:User {id: $userId})
// Once per request, before the expansion (inside it, it would be re-read for every candidate neighbour).
CALL (u) { MATCH (u)-[x:INTERACTED]->(:Item) WHERE x.weight > 0 RETURN sqrt(sum(x.weight * x.weight)) AS normU }
CALL (u) {
  MATCH (u)-[ru:INTERACTED]->(j:Item)
  WHERE ru.weight > 0
  RETURN j, ru.weight AS uw
  ORDER BY coalesce(ru.lastTs, 0) DESC, ru.weight DESC, j.id ASC
  LIMIT $historyItems
}
CALL (u, j) {
  MATCH (j)<-[rv:INTERACTED]-(v:User)
  WHERE v <> u AND rv.weight > 0
  RETURN v, rv.weight AS vw
  ORDER BY coalesce(rv.lastTs, 0) DESC, rv.weight DESC, v.id ASC
  LIMIT $coUsersPerItem
}
WITH u, normU, v, sum(uw * vw) AS dot
CALL (v) { MATCH (v)-[x:INTERACTED]->(:Item) WHERE x.weight > 0 RETURN sqrt(sum(x.weight * x.weight)) AS normV }
WITH u, v, dot / (normU * normV) AS sim
ORDER BY sim DESC, v.id ASC
LIMIT $neighbours
MATCH (v)-[rvi:INTERACTED]->(rec:Item)
WHERE rvi.weight > 0
WITH u, rec, v, sim * rvi.weight AS contribution
ORDER BY contribution DESC, v.id ASC
WITH u, rec, sum(contribution) AS score, count(v) AS neighbours,
     collect(CASE WHEN coalesce(v.consentSocial, $consentDefaults.social) THEN v.id END) AS users
WHERE NOT rec.id IN $excludeItemIds
  AND NOT EXISTS { MATCH (u)-[seen:INTERACTED]->(rec) WHERE $excludeSeen OR ($excludePurchased AND seen.purchases > 0) }
  AND (size($categoryIds) = 0 OR EXISTS { MATCH (rec)-[:IN_CATEGORY]->(fc:Category) WHERE fc.id IN $categoryIds })
  AND ($minPrice IS NULL OR rec.price >= $minPrice)
  AND ($maxPrice IS NULL OR rec.price <= $maxPrice)
RETURN rec.id AS id, score, users[0..$viaLimit] AS users, neighbours
ORDER BY score DESC, id ASC
LIMIT $limit
