// Items ordered by id after a cursor, optionally in one category.
// :param after => ''
// :param first => 20
// :param categoryId => null
MATCH (i:Item) WHERE i.id > $after
  AND ($categoryId IS NULL OR EXISTS { (i)-[:IN_CATEGORY]->(:Category {id: $categoryId}) })
RETURN i.id AS id ORDER BY i.id LIMIT $first
