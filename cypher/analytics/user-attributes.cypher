// The analytics attributes of every user with at least one event, streamed: what event-log.cypher returns next
// to each log, without the events. Re-read in the background at most every few seconds
// (usecases/analytics/live-event-logs.ts) so that attribute writes nobody told the process about (a `grec load`
// of users) reach the in-memory population within a bound; events are not re-read.
// :param consentDefaults => {personalisation: true, social: true, analytics: true, marketing: true}
MATCH (u:User)
WHERE EXISTS { (u)-[:PERFORMED]->(:Event) }
RETURN u.id AS userId,
       coalesce(u.consentAnalytics, $consentDefaults.analytics) AS consentAnalytics,
       u.gender AS gender, u.age AS age, u.location AS location, u.createdAt AS createdAt
