// :param ids => ['t1']
UNWIND $ids AS id
MATCH (t:Tag {id: id})
RETURN t {.id, .name} AS tag
