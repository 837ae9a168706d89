// serving-items.cypher for the given items only: those a write through the API created or changed.
// Missing ids: no row.
// :param ids => ['i1', 'i2']
UNWIND $ids AS id
MATCH (i:Item {id: id})
RETURN i {.id, .title, .price,
          categoryIds: [(i)-[:IN_CATEGORY]->(c:Category) | c.id],
          tagIds: [(i)-[:HAS_TAG]->(t:Tag) | t.id]} AS item
