// Stores the GRAPH model's 64-dim item vectors (indexed by item_embedding, cosine); null removes a vector.
// toFloat: the driver sends whole-number components as integers, and a stored vector must be all floats.
// :param rows => [{id: 'i1', embedding: [0.1, 0.2]}]
UNWIND $rows AS row
MATCH (i:Item {id: row.id})
SET i.embedding = CASE WHEN row.embedding IS NULL THEN null ELSE [x IN row.embedding | toFloat(x)] END
RETURN count(i) AS written
