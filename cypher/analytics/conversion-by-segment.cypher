// Conversion rate of $action per segment group: p = (1/N) sum_i I(y_i = 1), where the population N is the
// users of the segment with at least one event in the time window and y_i = 1 when user i performed $action
// in the window. Returns numerator = sum y_i and denominator = N per group; the API adds the Wilson 95%
// interval. Ratings are excluded from the population's events (not funnel steps).
// $breakdown groups the population: null (one group 'all'), 'GENDER', 'LOCATION' (missing -> 'unknown'),
// 'AGE_BAND' ('<18', '18-24', '25-34', '35-44', '45-54', '55-64', '65+', 'unknown'), 'ACQUISITION_MONTH'
// ('YYYY-MM' of User.createdAt in UTC, or 'unknown'), 'HAS_FRIEND_WHO_PURCHASED' ('true'/'false': a FRIEND
// with a purchase event in the window), 'CATEGORY' (per category id of the items the user's events are on;
// a user counts in every category they had an event in, converted there when the action was on that
// category; items without a category go to '(none)').
// Segment and window parameters: exactly as in transition-counts.cypher.
// :param action => 'purchase'
// :param breakdown => null
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
WITH u, e, CASE WHEN $breakdown = 'CATEGORY'
                THEN [(e)-[:ON]->(:Item)-[:IN_CATEGORY]->(c:Category) | c.id]
                ELSE [null] END AS cats
UNWIND CASE WHEN size(cats) = 0 THEN ['(none)'] ELSE cats END AS cat
WITH u, cat, max(CASE WHEN e.type = $action THEN 1 ELSE 0 END) AS converted
WITH converted, CASE
    WHEN $breakdown IS NULL THEN 'all'
    WHEN $breakdown = 'CATEGORY' THEN cat
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
  END AS segment
RETURN segment, sum(converted) AS numerator, count(*) AS denominator
ORDER BY segment
