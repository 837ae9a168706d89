// :param ids => ['c1']
UNWIND $ids AS id
MATCH (c:Category {id: id})
RETURN c {.id, .name} AS category
