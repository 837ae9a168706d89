// Propagated item and user vectors (64 dims, cosine) written by the graph refresh job,
// so nearest-neighbour retrieval can also run in Cypher (db.index.vector.queryNodes).
CREATE VECTOR INDEX item_embedding IF NOT EXISTS FOR (i:Item) ON (i.embedding)
OPTIONS { indexConfig: { `vector.dimensions`: 64, `vector.similarity_function`: 'cosine' } };
CREATE VECTOR INDEX user_embedding IF NOT EXISTS FOR (u:User) ON (u.embedding)
OPTIONS { indexConfig: { `vector.dimensions`: 64, `vector.similarity_function`: 'cosine' } };
