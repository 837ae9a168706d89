// Upserts tags.
// :param rows => [{id: 't1', props: {name: 'rock'}}]
UNWIND $rows AS row
OPTIONAL MATCH (old:Tag {id: row.id})
MERGE (t:Tag {id: row.id})
SET t += row.props
RETURN sum(CASE WHEN old IS NULL THEN 1 ELSE 0 END) AS created
