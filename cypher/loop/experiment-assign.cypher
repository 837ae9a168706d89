// Records who was served under which variant: one ASSIGNED edge per user and experiment, written in
// batches off the request path. The first assignment wins: a repeat never changes the variant or time.
// Rows naming an unknown user or experiment are skipped.
// :param rows => [{key: 'graph-vs-hybrid', userId: 'u1', variant: 'control', at: 1767225600000}]
UNWIND $rows AS row
MATCH (x:Experiment {key: row.key})
MATCH (u:User {id: row.userId})
MERGE (u)-[a:ASSIGNED]->(x)
  ON CREATE SET a.variant = row.variant, a.at = row.at
RETURN count(*) AS rows
