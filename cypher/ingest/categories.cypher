// Upserts categories.
// :param rows => [{id: 'c1', props: {name: 'Kitchen'}}]
UNWIND $rows AS row
OPTIONAL MATCH (old:Category {id: row.id})
MERGE (c:Category {id: row.id})
SET c += row.props
RETURN sum(CASE WHEN old IS NULL THEN 1 ELSE 0 END) AS created
