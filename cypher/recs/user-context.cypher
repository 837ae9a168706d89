// The user's current state, read at request time by every strategy that runs in TypeScript (GRAPH, the
// hybrid's filters and cold-start decision): their interactions (item, weight, purchases, last time) and
// their social ties (only users who consented to social features). No row when the user does not exist (the API answers NOT_FOUND).
// :param userId => 'u1'
MATCH (u:User {id: $userId})
RETURN u.id AS id,
       [(u)-[r:INTERACTED]->(i:Item) | {itemId: i.id, weight: r.weight, purchases: r.purchases, lastTs: r.lastTs}] AS items,
       [(u)-[:FRIEND]-(f:User) WHERE f <> u AND coalesce(f.consent, true) | f.id] AS friends,
       [(u)-[:FOLLOWS]->(f:User) WHERE f <> u AND coalesce(f.consent, true) | f.id] AS following
