// Every friendship between users, streamed one row per FRIEND edge (stored once, either direction: the reader
// holds it both ways): the friend ties of the in-memory population (usecases/analytics/live-friend-ties.ts), so
// population.cypher's hasFriendWhoPurchased rule ((u)-[:FRIEND]-(fr:User), FOLLOWS not counted) is resolved in
// memory against the held event logs. Read once in full; friend-ties-of-users.cypher re-reads changed users.
MATCH (a:User)-[:FRIEND]->(b:User)
RETURN a.id AS a, b.id AS b
