// Vector retrieval over the GRAPH model's stored vectors: the items nearest (cosine) to the user's vector,
// skipping items the user already interacted with. Vectors are refreshed by the refreshGraphModel job, so
// this is the analyst's view of the model as of the last refresh (the API scores fresh events inductively).
// Order: score DESC, id ASC.
// :param userId => 'u1'
// :param candidates => 100
// :param limit => 20
MATCH (u:User {id: $userId})
WHERE u.embedding IS NOT NULL
CALL db.index.vector.queryNodes('item_embedding', $candidates, u.embedding) YIELD node AS rec, score
WHERE NOT EXISTS { (u)-[:INTERACTED]->(rec) }
RETURN rec.id AS id, score
ORDER BY score DESC, id ASC
LIMIT $limit
