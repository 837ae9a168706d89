// Every user's raw event sequence in the segment and time window, for counting in TypeScript (the other
// path of transition-counts.cypher and funnel-counts.cypher: same population, same events, so the same
// numbers). One row per user with at least one event; ids, types and ts are aligned lists in no particular
// order: the reader sorts them by (ts, id). Ratings are excluded (not funnel steps).
// Segment and window parameters: exactly as in transition-counts.cypher.
// :param from => null
// :param to => null
// :param userIds => null
// :param segmentId => null
// :param gender => null
// :param minAge => null
// :param maxAge => null
// :param location => null
// :param categoryId => null
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
  AND ($hasFriendWhoPurchased IS NULL OR $hasFriendWhoPurchased = EXISTS {
        MATCH (u)-[:FRIEND]-(fr:User)-[:PERFORMED]->(p:Event {type: 'purchase'})
        WHERE coalesce(fr.consentAnalytics, $consentDefaults.analytics) AND ($from IS NULL OR p.ts >= $from) AND ($to IS NULL OR p.ts <= $to)
      })
MATCH (u)-[:PERFORMED]->(e:Event)
WHERE e.type <> 'rating'
  AND ($from IS NULL OR e.ts >= $from)
  AND ($to IS NULL OR e.ts <= $to)
  AND ($categoryId IS NULL OR EXISTS { (e)-[:ON]->(:Item)-[:IN_CATEGORY]->(:Category {id: $categoryId}) })
WITH u, collect(e.id) AS ids, collect(e.type) AS types, collect(e.ts) AS ts
RETURN u.id AS userId, ids, types, ts
