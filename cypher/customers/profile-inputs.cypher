// Profiles job, read side: one batch of users in id order (keyset paging: pass the last id of the
// previous batch as $after, '' for the first), with their attributes and every event. `profiled` is
// false for users who refused analytics: the job clears their derived features instead of computing them.
// :param after => ''
// :param batchSize => 500
// :param consentDefaults => {personalisation: true, social: true, analytics: true, marketing: true}
MATCH (u:User)
WHERE u.id > $after
WITH u ORDER BY u.id LIMIT $batchSize
RETURN u.id AS userId, u.age AS age, u.gender AS gender, u.location AS location, u.createdAt AS createdAt,
       coalesce(u.consentAnalytics, $consentDefaults.analytics) AS profiled,
       [(u)-[:PERFORMED]->(e:Event)-[:ON]->(i:Item) | {type: e.type, ts: e.ts, itemId: i.id, value: e.value}] AS events
ORDER BY userId
