// Directed follow / trust edge.
// :param rows => [{from: 'u1', to: 'u2', since: null}]
UNWIND $rows AS row
MERGE (a:User {id: row.from})
MERGE (b:User {id: row.to})
MERGE (a)-[f:FOLLOWS]->(b)
  ON CREATE SET f.since = row.since, f.created = true
WITH f, coalesce(f.created, false) AS created
REMOVE f.created
RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created
