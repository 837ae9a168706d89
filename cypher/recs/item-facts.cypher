// Candidate items with what filtering, diversity and the API need (the same projection as
// api/items-by-ids, so the API can prime its item loader from it).
// :param ids => ['i1', 'i2']
UNWIND $ids AS id
MATCH (i:Item {id: id})
RETURN i {.id, .title, .price,
          categoryIds: [(i)-[:IN_CATEGORY]->(c:Category) | c.id],
          tagIds: [(i)-[:HAS_TAG]->(t:Tag) | t.id],
          popularity: COUNT { (:User)-[:INTERACTED]->(i) }} AS item
