// event-log.cypher for some users only (by the User.id constraint's index): the users whose events this process
// wrote, or was told about (events, attributes, consent), since the logs were read. A user without events (or
// erased) returns no row.
// :param userIds => ['u1']
// :param consentDefaults => {personalisation: true, social: true, analytics: true, marketing: true}
UNWIND $userIds AS userId
MATCH (u:User {id: userId})
MATCH (u)-[:PERFORMED]->(e:Event)
WITH u, e, CASE WHEN e.type = 'rating' THEN null ELSE e END AS s
OPTIONAL MATCH (s)-[:ON]->(i:Item)
WITH u, count(e) AS performed, collect(s.id) AS ids, collect(s.type) AS types, collect(s.ts) AS ts,
     collect(CASE WHEN s IS NULL THEN null ELSE coalesce(i.id, '') END) AS items
RETURN u.id AS userId, performed, ids, types, ts, items,
       coalesce(u.consentAnalytics, $consentDefaults.analytics) AS consentAnalytics,
       u.gender AS gender, u.age AS age, u.location AS location, u.createdAt AS createdAt
