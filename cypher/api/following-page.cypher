// Users a user follows, ordered by id.
// :param userId => 'u1'
// :param after => ''
// :param first => 20
MATCH (:User {id: $userId})-[:FOLLOWS]->(f:User) WHERE f.id > $after
RETURN f.id AS id ORDER BY id LIMIT $first
