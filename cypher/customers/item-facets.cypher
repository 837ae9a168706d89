// Profiles job: every item's price, categories and tags (spend falls back to the price when a purchase
// carries no order value; interest affinities are summed per category and tag).
MATCH (i:Item)
RETURN i.id AS itemId, i.price AS price,
       [(i)-[:IN_CATEGORY]->(c:Category) | c.id] AS categoryIds,
       [(i)-[:HAS_TAG]->(t:Tag) | t.id] AS tagIds
