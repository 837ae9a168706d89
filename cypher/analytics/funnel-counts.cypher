// Ordered funnel $steps within a conversion window of $windowMs, per user in the segment and time window.
// A user reaches step k when events of types steps[0..k] occur in that order (strictly later positions in
// (ts, id) order) and each one is at most $windowMs after the steps[0] event that started the attempt
// (ts - ts0 <= windowMs). Every steps[0] event starts an attempt; within it each next step is matched to its
// earliest occurrence; the user's attempt is the one reaching the most steps, ties to the earliest start.
// Per step k: users = #users reaching step k; conversion from the previous step = users_k / users_(k-1);
// drop-off = users_(k-1) - users_k; time to reach = ms from the steps[0] event, median and p90 by
// percentileCont (linear interpolation, Hyndman & Fan definition 7). totalUsers = the population (segment
// members with at least one event in the window). Ratings are excluded.
// Segment and window parameters: exactly as in transition-counts.cypher.
// :param steps => ['view', 'cart', 'purchase']
// :param windowMs => 259200000
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
WITH u, e ORDER BY e.ts, e.id
WITH u, collect(e.type) AS types, collect(e.ts) AS ts
WITH [s IN range(0, size(types) - 1) WHERE types[s] = $steps[0] |
        reduce(a = {k: 1, t: [0]}, i IN range(s + 1, size(types) - 1) |
          CASE WHEN a.k < size($steps) AND ts[i] - ts[s] <= $windowMs AND types[i] = $steps[a.k]
               THEN {k: a.k + 1, t: a.t + [ts[i] - ts[s]]} ELSE a END)] AS attempts
WITH reduce(best = {k: 0, t: []}, a IN attempts | CASE WHEN a.k > best.k THEN a ELSE best END) AS best
WITH collect(best) AS bests, count(*) AS totalUsers
UNWIND range(0, size($steps) - 1) AS k
CALL (k, bests) {
  UNWIND [b IN bests WHERE b.k > k | b.t[k]] AS ms
  RETURN count(ms) AS users, percentileCont(ms, 0.5) AS medianMs, percentileCont(ms, 0.9) AS p90Ms
}
RETURN k AS step, $steps[k] AS state, totalUsers, users, medianMs, p90Ms
ORDER BY step
