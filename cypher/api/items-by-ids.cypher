// Batched item lookup with categories, tags and popularity (distinct users who interacted).
// :param ids => ['i1', 'i2']
UNWIND $ids AS id
MATCH (i:Item {id: id})
RETURN i {.id, .title, .price,
          categoryIds: [(i)-[:IN_CATEGORY]->(c:Category) | c.id],
          tagIds: [(i)-[:HAS_TAG]->(t:Tag) | t.id],
          popularity: COUNT { (:User)-[:INTERACTED]->(i) }} AS item
