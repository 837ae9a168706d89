// The users of a segment, without their events: the user filter of transition-counts.cypher (attributes,
// saved segment, acquisition window, FRIEND with a purchase in the window, consent to analytics), so the
// in-memory event logs (usecases/analytics/user-event-logs.ts) count the same population. One row: the ids
// and, per id, its group for $breakdown (as conversion-by-segment.cypher names them; an empty list when null;
// CATEGORY groups are per event, not per user, so they are not computed here). The categoryId filter and
// "at least one event in the window" are applied to the events in memory.
// :param breakdown => null
// :param from => null
// :param to => null
// :param userIds => null
// :param segmentId => null
// :param gender => null
// :param minAge => null
// :param maxAge => null
// :param location => null
// :param acquiredFrom => null
// :param acquiredTo => null
// :param hasFriendWhoPurchased => null
// :param consentDefaults => {personalisation: true, social: true, analytics: true, marketing: true}
MATCH (u:User)
WHERE coalesce(u.consentAnalytics, $consentDefaults.analytics)
  AND ($userIds IS NULL OR u.id IN $userIds)
  AND ($segmentId IS NULL OR EXISTS { (u)-[:IN_SEGMENT]->(:Segment {id: $segmentId}) })
  AND ($gender IS NULL OR u.gender = $gender)
  AND ($minAge IS NULL OR u.age >= $minAge)
  AND ($maxAge IS NULL OR u.age <= $maxAge)
  AND ($location IS NULL OR u.location = $location)
  AND ($acquiredFrom IS NULL OR u.createdAt >= $acquiredFrom)
  AND ($acquiredTo IS NULL OR u.createdAt <= $acquiredTo)
  // CASE, not OR: the planner evaluates an OR's EXISTS for every user even when the parameter is null
  // (PROFILE at 50k users: 1.4M db hits, 9 s); a CASE branch is evaluated only when taken.
  AND CASE WHEN $hasFriendWhoPurchased IS NULL THEN true ELSE $hasFriendWhoPurchased = EXISTS {
        MATCH (u)-[:FRIEND]-(fr:User)-[:PERFORMED]->(p:Event {type: 'purchase'})
        WHERE coalesce(fr.consentAnalytics, $consentDefaults.analytics) AND ($from IS NULL OR p.ts >= $from) AND ($to IS NULL OR p.ts <= $to)
      } END
WITH u, CASE
    WHEN $breakdown = 'GENDER' THEN coalesce(u.gender, 'unknown')
    WHEN $breakdown = 'LOCATION' THEN coalesce(u.location, 'unknown')
    WHEN $breakdown = 'AGE_BAND' THEN CASE
        WHEN u.age IS NULL THEN 'unknown'
        WHEN u.age < 18 THEN '<18'
        WHEN u.age < 25 THEN '18-24'
        WHEN u.age < 35 THEN '25-34'
        WHEN u.age < 45 THEN '35-44'
        WHEN u.age < 55 THEN '45-54'
        WHEN u.age < 65 THEN '55-64'
        ELSE '65+' END
    WHEN $breakdown = 'ACQUISITION_MONTH' THEN CASE
        WHEN u.createdAt IS NULL THEN 'unknown'
        ELSE substring(toString(datetime({epochMillis: u.createdAt})), 0, 7) END
    WHEN $breakdown = 'HAS_FRIEND_WHO_PURCHASED' THEN toString(EXISTS {
        MATCH (u)-[:FRIEND]-(fr:User)-[:PERFORMED]->(p:Event {type: 'purchase'})
        WHERE coalesce(fr.consentAnalytics, $consentDefaults.analytics) AND ($from IS NULL OR p.ts >= $from) AND ($to IS NULL OR p.ts <= $to)
      })
    ELSE 'all'
  END AS grp
// No breakdown: no groups list (every user is in 'all'), half the transfer.
RETURN collect(u.id) AS userIds, CASE WHEN $breakdown IS NULL THEN [] ELSE collect(grp) END AS groups
