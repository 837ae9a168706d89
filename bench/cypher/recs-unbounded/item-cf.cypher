// ITEM_CF: item-based collaborative filtering ("users who bought this also bought", for a whole profile).
//   sim(j, i)  = sum_v w_vj * w_vi / (||w_.j|| * ||w_.i||)      cosine of the items' user columns, over
//                positive INTERACTED weights (so a purchase (5) counts more than a view (1))
//   score(u,i) = sum over the user's items j of  w_uj * sim(j, i)
// `via` = the user's items that contributed most to i (contribution DESC, id ASC), for the
// "similar to items you bought" reason. Cost: the user's items x their co-users x those users' items.
// Order: score DESC, id ASC.
// :param userId => 'u1'
// :param viaLimit => 3
// :param excludeSeen => true
// :param excludePurchased => true
// :param excludeItemIds => []
// :param categoryIds => []
// :param minPrice => null
// :param maxPrice => null
// :param limit => 20
MATCH (u:User {id: $userId})-[ru:INTERACTED]->(j:Item)
WHERE ru.weight > 0
CALL (j) { MATCH (j)<-[x:INTERACTED]-(:User) WHERE x.weight > 0 RETURN sqrt(sum(x.weight * x.weight)) AS normJ }
MATCH (j)<-[rj:INTERACTED]-(:User)-[ri:INTERACTED]->(rec:Item)
WHERE rec <> j AND rj.weight > 0 AND ri.weight > 0
WITH u, j, ru.weight / normJ AS wj, rec, sum(rj.weight * ri.weight) AS dot
WITH u, rec, collect({id: j.id, part: wj * dot}) AS parts
WHERE NOT rec.id IN $excludeItemIds
  AND NOT EXISTS { MATCH (u)-[seen:INTERACTED]->(rec) WHERE $excludeSeen OR ($excludePurchased AND seen.purchases > 0) }
  AND (size($categoryIds) = 0 OR EXISTS { MATCH (rec)-[:IN_CATEGORY]->(fc:Category) WHERE fc.id IN $categoryIds })
  AND ($minPrice IS NULL OR rec.price >= $minPrice)
  AND ($maxPrice IS NULL OR rec.price <= $maxPrice)
CALL (rec) { MATCH (rec)<-[x:INTERACTED]-(:User) WHERE x.weight > 0 RETURN sqrt(sum(x.weight * x.weight)) AS normRec }
UNWIND parts AS p
WITH rec, p.id AS via, p.part / normRec AS contribution
ORDER BY contribution DESC, via ASC
WITH rec, sum(contribution) AS score, collect(via) AS via
RETURN rec.id AS id, score, via[0..$viaLimit] AS via
ORDER BY score DESC, id ASC
LIMIT $limit
