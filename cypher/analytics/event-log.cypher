// Every user's whole event log, for the in-memory event logs of usecases/analytics/user-event-logs.ts, read once
// in full and streamed (event-log-of-users.cypher reads it again for the users whose events changed).
// One row per user with at least one event: performed = all their PERFORMED events, ratings included (summed,
// compared with performed-count.cypher to notice writes this process was not told about); ids, types, ts and
// items are aligned lists of the non-rating events (not states) in no particular order; the reader sorts by
// (ts, id). The user's analytics attributes come along (consent with the configured default, gender, age,
// location, createdAt), so the population of a segment is resolved in memory with population.cypher's rules
// (usecases/analytics/population-rules.ts); consent is not filtered here but applied at query time.
// :param consentDefaults => {personalisation: true, social: true, analytics: true, marketing: true}
MATCH (u:User)
MATCH (u)-[:PERFORMED]->(e:Event)
WITH u, e, CASE WHEN e.type = 'rating' THEN null ELSE e END AS s
OPTIONAL MATCH (s)-[:ON]->(i:Item)
WITH u, count(e) AS performed, collect(s.id) AS ids, collect(s.type) AS types, collect(s.ts) AS ts,
     collect(CASE WHEN s IS NULL THEN null ELSE coalesce(i.id, '') END) AS items
RETURN u.id AS userId, performed, ids, types, ts, items,
       coalesce(u.consentAnalytics, $consentDefaults.analytics) AS consentAnalytics,
       u.gender AS gender, u.age AS age, u.location AS location, u.createdAt AS createdAt
