// Removes a follow edge. Also says whether both users exist, so an unknown id is NOT_FOUND rather than
// "nothing changed".
// :param from => 'u1'
// :param to => 'u2'
OPTIONAL MATCH (a:User {id: $from})
OPTIONAL MATCH (b:User {id: $to})
OPTIONAL MATCH (a)-[f:FOLLOWS]->(b)
DELETE f
RETURN a IS NOT NULL AS fromExists, b IS NOT NULL AS toExists, count(f) AS deleted
