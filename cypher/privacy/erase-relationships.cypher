// Erasure, step 3, repeated until it deletes nothing: up to $batchSize of the user's remaining
// relationships (INTERACTED aggregates, FRIEND, FOLLOWS in both directions).
// :param userId => 'u1'
// :param batchSize => 10000
MATCH (:User {id: $userId})-[r]-()
WITH DISTINCT r LIMIT $batchSize
DELETE r
RETURN count(*) AS deleted
