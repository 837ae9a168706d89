// similarItems: the items most similar to one item, by the same cosine as ITEM_CF:
//   sim(j, i) = sum_v w_vj * w_vi / (||w_.j|| * ||w_.i||)   over positive INTERACTED weights
// `coUsers` = users who interacted positively with both. Order: score DESC, id ASC.
// :param itemId => 'i1'
// :param limit => 10
MATCH (j:Item {id: $itemId})<-[rj:INTERACTED]-(v:User)-[ri:INTERACTED]->(rec:Item)
WHERE rec <> j AND rj.weight > 0 AND ri.weight > 0
WITH j, rec, sum(rj.weight * ri.weight) AS dot, count(DISTINCT v) AS coUsers
CALL (j) { MATCH (j)<-[x:INTERACTED]-(:User) WHERE x.weight > 0 RETURN sqrt(sum(x.weight * x.weight)) AS normJ }
CALL (rec) { MATCH (rec)<-[x:INTERACTED]-(:User) WHERE x.weight > 0 RETURN sqrt(sum(x.weight * x.weight)) AS normRec }
RETURN rec.id AS id, dot / (normJ * normRec) AS score, coUsers
ORDER BY score DESC, id ASC
LIMIT $limit
