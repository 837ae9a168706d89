// The user's current state, read at request time by every strategy that runs in TypeScript (GRAPH, the
// hybrid's filters and cold-start decision): their interactions (item, weight, purchases, last time) and
// their social ties (only users who consented to social features), and whether the user allows personalisation
// (no: the API serves non-personalised results). No row when the user does not exist (the API answers NOT_FOUND).
// A consent flag never recorded takes $consentDefaults (GREC_CONSENT_DEFAULT).
// :param userId => 'u1'
// :param consentDefaults => {personalisation: true, social: true, analytics: true, marketing: true}
MATCH (u:User {id: $userId})
RETURN u.id AS id,
       coalesce(u.consentPersonalisation, $consentDefaults.personalisation) AS personalisation,
       [(u)-[r:INTERACTED]->(i:Item) | {itemId: i.id, weight: r.weight, purchases: r.purchases, lastTs: r.lastTs}] AS items,
       [(u)-[:FRIEND]-(f:User) WHERE f <> u AND coalesce(f.consentSocial, $consentDefaults.social) | f.id] AS friends,
       [(u)-[:FOLLOWS]->(f:User) WHERE f <> u AND coalesce(f.consentSocial, $consentDefaults.social) | f.id] AS following
