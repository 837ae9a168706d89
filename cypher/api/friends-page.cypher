// A user's symmetric friends (edge stored once, matched undirected), ordered by id.
// :param userId => 'u1'
// :param after => ''
// :param first => 20
MATCH (:User {id: $userId})-[:FRIEND]-(f:User) WHERE f.id > $after
RETURN DISTINCT f.id AS id ORDER BY id LIMIT $first
