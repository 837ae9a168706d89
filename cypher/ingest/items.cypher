// Upserts items with their categories (IN_CATEGORY) and tags (HAS_TAG). Attributes are flattened to
// `attr_<name>` properties (Neo4j properties cannot hold maps).
// :param rows => [{id: 'i1', props: {title: 'Mug', price: 9.5}, categoryIds: ['c1'], tagIds: ['t1']}]
UNWIND $rows AS row
OPTIONAL MATCH (old:Item {id: row.id})
MERGE (i:Item {id: row.id})
SET i += row.props
WITH i, row, old
CALL (i, row) {
  UNWIND row.categoryIds AS cid
  MERGE (c:Category {id: cid})
  MERGE (i)-[:IN_CATEGORY]->(c)
}
CALL (i, row) {
  UNWIND row.tagIds AS tid
  MERGE (t:Tag {id: tid})
  MERGE (i)-[:HAS_TAG]->(t)
}
RETURN sum(CASE WHEN old IS NULL THEN 1 ELSE 0 END) AS created
