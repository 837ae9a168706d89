// similarItems from the precomputed item-item neighbours (cypher/recs/item-neighbours-*.cypher, rebuilt by
// the scheduled refresh): the item's SIMILAR list, i.e. its K most similar items by the cosine of
// similar-items.cypher, exact over every co-user as of the last rebuild. `coUsers` = users who interacted
// positively with both. Order: score DESC, id ASC. Cost: K edges. With K at least the number of items and
// no cap of similar-items.cypher reached, both files give the same ranking, scores and counts.
// :param itemId => 'i1'
// :param limit => 10
MATCH (:Item {id: $itemId})-[s:SIMILAR]->(rec:Item)
RETURN rec.id AS id, s.score AS score, s.coUsers AS coUsers
ORDER BY score DESC, id ASC
LIMIT $limit
