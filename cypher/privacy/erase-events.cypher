// Erasure, step 1, repeated until it deletes nothing: up to $batchSize of the user's Event nodes with their
// PERFORMED and ON edges (one transaction per batch, so a user with millions of events never needs one
// huge transaction). The user node goes last (erase-user.cypher): an interrupted erasure can be retried.
// :param userId => 'u1'
// :param batchSize => 10000
MATCH (:User {id: $userId})-[:PERFORMED]->(e:Event)
WITH e LIMIT $batchSize
DETACH DELETE e
RETURN count(*) AS deleted
