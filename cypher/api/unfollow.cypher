// :param from => 'u1'
// :param to => 'u2'
MATCH (:User {id: $from})-[f:FOLLOWS]->(:User {id: $to})
DELETE f
RETURN count(*) AS deleted
