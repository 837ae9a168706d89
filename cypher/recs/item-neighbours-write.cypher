// Item-item neighbours, step 1 of a rebuild (src/usecases/recommend/item-neighbours.ts): replaces the
// (:Item)-[:SIMILAR]->(:Item) lists of a batch of items with the lists computed in TypeScript
// (src/algorithms/recs/item-cosine-top-k.ts): each item's K most similar items by the cosine of
// cypher/recs/item-cf.cypher and similar-items.cypher, with the dot product and the co-user count.
// An item with an empty list loses its old one. Every edge carries the rebuild's $builtAt, so step 2
// (item-neighbours-drop-stale) can remove the lists of items that were not in this rebuild.
// :param builtAt => 1700000000000
// :param rows => [{id: 'i1', neighbours: [{id: 'i2', score: 0.5, dot: 5.0, coUsers: 1}]}]
UNWIND $rows AS row
MATCH (i:Item {id: row.id})
CALL (i) {
  MATCH (i)-[old:SIMILAR]->(:Item)
  DELETE old
}
WITH i, row
UNWIND row.neighbours AS n
MATCH (j:Item {id: n.id})
CREATE (i)-[:SIMILAR {score: n.score, dot: n.dot, coUsers: n.coUsers, builtAt: $builtAt}]->(j)
RETURN count(*) AS written
