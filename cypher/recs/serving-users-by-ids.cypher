// serving-users.cypher for the given users only: the rows a write through the API changed (the interaction's
// user, both ends of a link, a user whose attributes or consent were written). Missing ids: no row.
// :param ids => ['u1', 'u2']
UNWIND $ids AS id
MATCH (u:User {id: id})
RETURN u {.id, .name, .age, .gender, .location, .consentPersonalisation, .consentSocial, .consentAnalytics, .consentMarketing, .createdAt} AS user,
       [(u)-[r:INTERACTED]->(i:Item) | {itemId: i.id, weight: r.weight, purchases: r.purchases, lastTs: r.lastTs}] AS items,
       [(u)-[:FRIEND]-(f:User) | f.id] AS friends,
       [(u)-[:FOLLOWS]->(f:User) | f.id] AS following
