// CONTENT: a user interest profile over categories and tags, scored against item attributes, with biases:
//   r_ui = sum_l p_ul x_li + b_u + b_i
//   p_ul = cw_l * sum_{j in I(u)} w_uj x_lj / sum_{j in I(u)} w_uj    share of the user's positive weight on
//          feature l (a category or a tag), times $categoryWeight or $tagWeight
//   x_li = 1 when item i is in category l / has tag l
//   b_i  = $itemBias * ln(1 + n_i)     n_i = users with a positive interaction on i (0 for a brand-new item,
//                                      which is still scored by its attributes)
//   b_u  = $userBias * ln(1 + |I(u)|)  constant per user: moves the score, never the ranking
// `features` = the matched categories and tags with the largest profile weight (weight DESC, id ASC).
// Order: score DESC, id ASC.
// Bounded expansion (RECS_CONFIG.cypherBounds): n_i means reading every edge of every candidate, i.e. of most
// of the catalogue for a user whose history spans it. So the candidates are first ranked by an upper bound of
// the score that reads no edge, affinity + $itemBias * ln(1 + degree_i) (degree_i = all INTERACTED edges of i,
// from the degree store; >= n_i), and only the $candidates best (bound DESC, id ASC; never fewer than $limit)
// get n_i counted and are ranked. Exact whenever at most $candidates items pass the filters, or ($itemBias >= 0)
// when no candidate has a non-positive interaction (then degree_i = n_i and the bound is the score).
// :param userId => 'u1'
// :param categoryWeight => 1.0
// :param tagWeight => 0.5
// :param itemBias => 0.1
// :param userBias => 0.0
// :param candidates => 200
// :param viaLimit => 3
// :param excludeSeen => true
// :param excludePurchased => true
// :param excludeItemIds => []
// :param categoryIds => []
// :param minPrice => null
// :param maxPrice => null
// :param limit => 20
MATCH (u:User {id: $userId})-[r:INTERACTED]->(j:Item)
WHERE r.weight > 0
WITH u, collect({item: j, w: r.weight}) AS mine, sum(r.weight) AS total
UNWIND mine AS m
WITH u, size(mine) AS nMine, total, m.item AS j, m.w AS w
MATCH (j)-[:IN_CATEGORY|HAS_TAG]->(f)
WITH u, nMine, total, f, sum(w) AS featureWeight
WITH u, nMine, f, featureWeight / total * CASE WHEN f:Category THEN $categoryWeight ELSE $tagWeight END AS p
MATCH (f)<-[:IN_CATEGORY|HAS_TAG]-(rec:Item)
WITH u, nMine, rec, f, p
ORDER BY p DESC, f.id ASC
WITH u, nMine, rec, sum(p) AS affinity,
     collect(CASE WHEN f:Category THEN 'c:' + f.id ELSE 't:' + f.id END) AS features
WHERE NOT rec.id IN $excludeItemIds
  AND NOT EXISTS { MATCH (u)-[seen:INTERACTED]->(rec) WHERE $excludeSeen OR ($excludePurchased AND seen.purchases > 0) }
  AND (size($categoryIds) = 0 OR EXISTS { MATCH (rec)-[:IN_CATEGORY]->(fc:Category) WHERE fc.id IN $categoryIds })
  AND ($minPrice IS NULL OR rec.price >= $minPrice)
  AND ($maxPrice IS NULL OR rec.price <= $maxPrice)
WITH nMine, rec, features, affinity
ORDER BY affinity + $itemBias * log(1.0 + COUNT { (rec)<-[:INTERACTED]-() }) DESC, rec.id ASC
LIMIT CASE WHEN $candidates < $limit THEN $limit ELSE $candidates END
WITH rec, features,
     affinity
       + $itemBias * log(1.0 + COUNT { MATCH (:User)-[x:INTERACTED]->(rec) WHERE x.weight > 0 })
       + $userBias * log(1.0 + nMine) AS score
RETURN rec.id AS id, score, features[0..$viaLimit] AS features
ORDER BY score DESC, id ASC
LIMIT $limit
