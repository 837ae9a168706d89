// The recommendation serving state's users (src/usecases/recommend/serving-state.ts), every one of them: the
// attributes api/users-by-ids projects, the interactions recs/user-context.cypher reads, and the ties before
// any consent filter (the API applies each tie's own consent, read from that tie's row, as user-context.cypher
// and social.cypher do in Cypher). Read once per process and again after maxAge; serving-users-by-ids
// re-reads the rows a write changed.
MATCH (u:User)
RETURN u {.id, .name, .age, .gender, .location, .consentPersonalisation, .consentSocial, .consentAnalytics, .consentMarketing, .createdAt} AS user,
       [(u)-[r:INTERACTED]->(i:Item) | {itemId: i.id, weight: r.weight, purchases: r.purchases, lastTs: r.lastTs}] AS items,
       [(u)-[:FRIEND]-(f:User) | f.id] AS friends,
       [(u)-[:FOLLOWS]->(f:User) | f.id] AS following
