// Friend counts for many users at once.
// :param ids => ['u1']
UNWIND $ids AS id
MATCH (u:User {id: id})
RETURN id, COUNT { (u)-[:FRIEND]-(:User) } AS n
