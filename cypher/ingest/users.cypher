// Upserts users; properties present in the row overwrite, absent ones are kept.
// :param rows => [{id: 'u1', props: {name: 'Ada', age: 36, consentSocial: true}}]
UNWIND $rows AS row
OPTIONAL MATCH (old:User {id: row.id})
MERGE (u:User {id: row.id})
SET u += row.props
RETURN sum(CASE WHEN old IS NULL THEN 1 ELSE 0 END) AS created
