// Users ordered by id after a cursor (keyset pagination on the id index).
// :param after => ''
// :param first => 20
MATCH (u:User) WHERE u.id > $after
RETURN u.id AS id ORDER BY u.id LIMIT $first
