// USER_CF: user-based collaborative filtering.
//   sim(u, v)  = sum_j w_uj * w_vj / (||w_u.|| * ||w_v.||)    cosine over positive INTERACTED weights
//   N(u)       = the $neighbours most similar users (sim DESC, id ASC)
//   score(u,i) = sum over v in N(u) of  sim(u, v) * w_vi
// `users` = the neighbours that contributed most to i (contribution DESC, id ASC), for the reason; only those
// who consented to social features are named (the others still count, anonymously, as in ITEM_CF);
// `neighbours` = how many contributed.
// Order: score DESC, id ASC.
// :param userId => 'u1'
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
MATCH (u:User {id: $userId})-[ru:INTERACTED]->(:Item)<-[rv:INTERACTED]-(v:User)
WHERE v <> u AND ru.weight > 0 AND rv.weight > 0
WITH u, v, sum(ru.weight * rv.weight) AS dot
CALL (u) { MATCH (u)-[x:INTERACTED]->(:Item) WHERE x.weight > 0 RETURN sqrt(sum(x.weight * x.weight)) AS normU }
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
