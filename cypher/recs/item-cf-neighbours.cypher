// ITEM_CF from the precomputed item-item neighbours (cypher/recs/item-neighbours-*.cypher, rebuilt by the
// scheduled refresh): the same score as item-cf.cypher,
//   score(u,i) = sum over the user's items j of  w_uj * sim(j, i)
//   sim(j, i)  = sum_v w_vj * w_vi / (||w_.j|| * ||w_.i||)    stored as (j)-[:SIMILAR {score}]->(i)
// but i runs over each seed j's K most similar items only (the SIMILAR list), and sim is exact over every
// co-user (no $coUsersPerItem cap) as of the last rebuild. With K at least the number of items and no cap of
// item-cf.cypher reached, both files give the same ranking and scores.
// `via` = the user's items that contributed most to i (contribution DESC, id ASC). Order: score DESC, id ASC.
// j runs over the user's $historyItems most recent positive items (lastTs DESC, weight DESC, id ASC; undated
// edges count as oldest), as in item-cf.cypher. Cost: historyItems x K SIMILAR edges, no norm read.
// :param userId => 'u1'
// :param historyItems => 50
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
MATCH (j)-[s:SIMILAR]->(rec:Item)
WITH u, rec, j.id AS via, uw * s.score AS contribution
ORDER BY contribution DESC, via ASC
WITH u, rec, sum(contribution) AS score, collect(via) AS via
// Ranked before the filter, so the filter runs lazily down the ranking until the page is full: a user with a
// long history reaches thousands of items, and the seen-check is what costs for each one.
ORDER BY score DESC, rec.id ASC
WITH u, rec, score, via
WHERE NOT rec.id IN $excludeItemIds
  AND NOT EXISTS { MATCH (u)-[seen:INTERACTED]->(rec) WHERE $excludeSeen OR ($excludePurchased AND seen.purchases > 0) }
  AND (size($categoryIds) = 0 OR EXISTS { MATCH (rec)-[:IN_CATEGORY]->(fc:Category) WHERE fc.id IN $categoryIds })
  AND ($minPrice IS NULL OR rec.price >= $minPrice)
  AND ($maxPrice IS NULL OR rec.price <= $maxPrice)
RETURN rec.id AS id, score, via[0..$viaLimit] AS via
ORDER BY score DESC, id ASC
LIMIT $limit
