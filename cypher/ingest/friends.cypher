// Symmetric friendship, stored once (direction carries no meaning; queries match it undirected).
// The undirected MERGE finds an existing edge in either direction, so (a,b) and (b,a) are one friendship.
// :param rows => [{from: 'u1', to: 'u2', since: null}]
UNWIND $rows AS row
MERGE (a:User {id: row.from})
MERGE (b:User {id: row.to})
MERGE (a)-[f:FRIEND]-(b)
  ON CREATE SET f.since = row.since, f.created = true
WITH f, coalesce(f.created, false) AS created
REMOVE f.created
RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created
