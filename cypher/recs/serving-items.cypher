// The recommendation serving state's items, every one of them, as recs/entities.cypher projects them without
// popularity (the serving state counts INTERACTED edges from its users' rows instead).
MATCH (i:Item)
RETURN i {.id, .title, .price,
          categoryIds: [(i)-[:IN_CATEGORY]->(c:Category) | c.id],
          tagIds: [(i)-[:HAS_TAG]->(t:Tag) | t.id]} AS item
