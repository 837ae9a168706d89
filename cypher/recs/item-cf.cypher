// ITEM_CF: item-based collaborative filtering ("users who bought this also bought", for a whole profile).
//   sim(j, i)  = sum_v w_vj * w_vi / (||w_.j|| * ||w_.i||)      cosine of the items' user columns, over
//                positive INTERACTED weights (so a purchase (5) counts more than a view (1))
//   score(u,i) = sum over the user's items j of  w_uj * sim(j, i)
// `via` = the user's items that contributed most to i (contribution DESC, id ASC), for the
// "similar to items you bought" reason. Order: score DESC, id ASC.
// Bounded expansion (RECS_CONFIG.cypherBounds; exact whenever no cap is reached, as on small shops):
//   - j runs over the user's $historyItems most recent positive items (lastTs DESC, weight DESC, id ASC;
//     undated edges count as oldest), not a whole long history;
//   - the dot products read each j's $coUsersPerItem most recent co-users (same order), not every buyer of a
//     best seller; the norms ||w_.j||, ||w_.i|| stay exact;
//   - only the $candidates best items by the unnormalised sum (sum_j w_uj/||w_.j|| * dot, id ASC on ties) get
//     their norm read and are ranked (never fewer than $limit): reading the norm of every reachable item is
//     what costs on a dense catalogue.
//   The user is not their own co-user when $excludeSeen holds: every item they would add is excluded anyway.
// Cost: historyItems x coUsersPerItem x the co-users' items, plus candidates x their degree.
// :param userId => 'u1'
// :param historyItems => 50
// :param coUsersPerItem => 100
// :param candidates => 200
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
  MATCH (u)-[ru:INTERACTED]->(j:Item)
  WHERE ru.weight > 0
  RETURN j, ru.weight AS uw
  ORDER BY coalesce(ru.lastTs, 0) DESC, ru.weight DESC, j.id ASC
  LIMIT $historyItems
}
CALL (j) { MATCH (j)<-[x:INTERACTED]-(:User) WHERE x.weight > 0 RETURN sqrt(sum(x.weight * x.weight)) AS normJ }
CALL (u, j) {
  MATCH (j)<-[rj:INTERACTED]-(v:User)
  WHERE rj.weight > 0 AND NOT ($excludeSeen AND v = u)
  RETURN v, rj.weight AS vw
  ORDER BY coalesce(rj.lastTs, 0) DESC, rj.weight DESC, v.id ASC
  LIMIT $coUsersPerItem
}
MATCH (v)-[ri:INTERACTED]->(rec:Item)
WHERE rec <> j AND ri.weight > 0
WITH u, j, uw / normJ AS wj, rec, sum(vw * ri.weight) AS dot
WITH u, rec, collect({id: j.id, part: wj * dot}) AS parts, sum(wj * dot) AS raw
WHERE NOT rec.id IN $excludeItemIds
  AND NOT EXISTS { MATCH (u)-[seen:INTERACTED]->(rec) WHERE $excludeSeen OR ($excludePurchased AND seen.purchases > 0) }
  AND (size($categoryIds) = 0 OR EXISTS { MATCH (rec)-[:IN_CATEGORY]->(fc:Category) WHERE fc.id IN $categoryIds })
  AND ($minPrice IS NULL OR rec.price >= $minPrice)
  AND ($maxPrice IS NULL OR rec.price <= $maxPrice)
WITH rec, parts, raw
ORDER BY raw DESC, rec.id ASC
LIMIT CASE WHEN $candidates < $limit THEN $limit ELSE $candidates END
CALL (rec) { MATCH (rec)<-[x:INTERACTED]-(:User) WHERE x.weight > 0 RETURN sqrt(sum(x.weight * x.weight)) AS normRec }
UNWIND parts AS p
WITH rec, p.id AS via, p.part / normRec AS contribution
ORDER BY contribution DESC, via ASC
WITH rec, sum(contribution) AS score, collect(via) AS via
RETURN rec.id AS id, score, via[0..$viaLimit] AS via
ORDER BY score DESC, id ASC
LIMIT $limit
