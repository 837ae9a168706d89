// similarItems: the items most similar to one item, by the same cosine as ITEM_CF:
//   sim(j, i) = sum_v w_vj * w_vi / (||w_.j|| * ||w_.i||)   over positive INTERACTED weights
// `coUsers` = users who interacted positively with both. Order: score DESC, id ASC.
// Bounded expansion (RECS_CONFIG.cypherBounds, as ITEM_CF; exact whenever no cap is reached): the dot products
// and coUsers read the item's $coUsersPerItem most recent co-users (lastTs DESC, weight DESC, id ASC; undated
// edges count as oldest), and only the $candidates best items by the unnormalised dot (id ASC on ties) get
// their norm read and are ranked (never fewer than $limit).
// :param itemId => 'i1'
// :param coUsersPerItem => 100
// :param candidates => 200
// :param limit => 10
MATCH (j:Item {id: $itemId})
CALL (j) {
  MATCH (j)<-[rj:INTERACTED]-(v:User)
  WHERE rj.weight > 0
  RETURN v, rj.weight AS vw
  ORDER BY coalesce(rj.lastTs, 0) DESC, rj.weight DESC, v.id ASC
  LIMIT $coUsersPerItem
}
MATCH (v)-[ri:INTERACTED]->(rec:Item)
WHERE rec <> j AND ri.weight > 0
WITH j, rec, sum(vw * ri.weight) AS dot, count(DISTINCT v) AS coUsers
ORDER BY dot DESC, rec.id ASC
LIMIT CASE WHEN $candidates < $limit THEN $limit ELSE $candidates END
CALL (j) { MATCH (j)<-[x:INTERACTED]-(:User) WHERE x.weight > 0 RETURN sqrt(sum(x.weight * x.weight)) AS normJ }
CALL (rec) { MATCH (rec)<-[x:INTERACTED]-(:User) WHERE x.weight > 0 RETURN sqrt(sum(x.weight * x.weight)) AS normRec }
RETURN rec.id AS id, dot / (normJ * normRec) AS score, coUsers
ORDER BY score DESC, id ASC
LIMIT $limit
