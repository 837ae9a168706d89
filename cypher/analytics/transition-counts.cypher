// First-order transition counts of the behaviour chain, c_ij = #{t : s_(t-1) = i, s_t = j}, over the
// state paths START s_1 .. s_k EXIT of every session of every user in the segment and time window.
// A user's events (ratings excluded: they are not funnel steps) are ordered by (ts, id): equal timestamps
// are broken by event id. A gap strictly greater than $gapMs ends a session (s -> EXIT) and opens the next
// (START -> s); the EXIT -> START step between sessions is a boundary, not a transition. The user's last
// session ends with EXIT only when $asOf - lastTs > $gapMs (the user has been idle longer than the gap), or
// always when $asOf is null. P(j | i) = c_ij / c_i is then estimated by the API (smoothing, minSupport).
// Columns: from, to, count = c_ij; users = users whose first transition is this one (non-zero on START rows
// only), so sum(users) is the number of users in the population (segment members with events in the window).
// Segment: user attributes, acquisition window (User.createdAt), category (only events on items of the
// category count), and graph position (at least one FRIEND with a purchase event in the window).
// Times are epoch milliseconds; every bound is inclusive; null disables a filter.
// Consent: users who refused analytics (consentAnalytics false, or unset and $consentDefaults.analytics false)
// are in no population, and their purchases do not place a friend in the hasFriendWhoPurchased segment.
// :param from => null
// :param to => null
// :param gapMs => 1800000
// :param asOf => timestamp()
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
WITH types, ts, size(types) AS n, ($asOf IS NULL OR $asOf - ts[-1] > $gapMs) AS closedLast
UNWIND range(0, n) AS k
UNWIND CASE
    WHEN k = 0 THEN [['START', types[0], 1]]
    WHEN k = n THEN CASE WHEN closedLast THEN [[types[n - 1], 'EXIT', 0]] ELSE [] END
    WHEN ts[k] - ts[k - 1] > $gapMs THEN [[types[k - 1], 'EXIT', 0], ['START', types[k], 0]]
    ELSE [[types[k - 1], types[k], 0]]
  END AS step
RETURN step[0] AS from, step[1] AS to, count(*) AS count, sum(step[2]) AS users
ORDER BY from, to
