// Erasure, step 2, repeated until it deletes nothing: up to $batchSize of the user's Impression nodes (the
// pages reported rendered to them, docs/loop.md) with their SAW edges. Before the relationships step, which
// would otherwise cut the SAW edges and leave the impressions behind unreachable.
// :param userId => 'u1'
// :param batchSize => 10000
MATCH (:User {id: $userId})-[:SAW]->(p:Impression)
WITH p LIMIT $batchSize
DETACH DELETE p
RETURN count(*) AS deleted
