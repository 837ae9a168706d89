// Removes a friendship whichever direction it was stored in.
// :param from => 'u1'
// :param to => 'u2'
MATCH (:User {id: $from})-[f:FRIEND]-(:User {id: $to})
DELETE f
RETURN count(*) AS deleted
