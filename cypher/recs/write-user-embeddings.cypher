// Stores the GRAPH model's 64-dim user vectors (indexed by user_embedding, cosine); null removes a vector.
// :param rows => [{id: 'u1', embedding: [0.1, 0.2]}]
UNWIND $rows AS row
MATCH (u:User {id: row.id})
SET u.embedding = CASE WHEN row.embedding IS NULL THEN null ELSE [x IN row.embedding | toFloat(x)] END
RETURN count(u) AS written
