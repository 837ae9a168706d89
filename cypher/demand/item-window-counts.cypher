// Hot items: per item (optionally of one category), how many $eventType events fell in the recent window
// [$recentFrom, $asOf] and in the baseline before it [$baselineFrom, $recentFrom). Items with no recent
// event cannot be rising and are left out. Events of users who refused analytics are not counted.
// :param categoryId => null
// :param eventType => 'purchase'
// :param baselineFrom => 1733011200000
// :param recentFrom => 1735430400000
// :param asOf => 1736035200000
// :param consentDefaults => {personalisation: true, social: true, analytics: true, marketing: true}
MATCH (e:Event)
WHERE e.ts >= $recentFrom AND e.ts <= $asOf AND e.type = $eventType
MATCH (e)-[:ON]->(i:Item)
WHERE $categoryId IS NULL OR EXISTS { (i)-[:IN_CATEGORY]->(:Category {id: $categoryId}) }
WITH DISTINCT i
CALL (i) {
  MATCH (i)<-[:ON]-(e:Event {type: $eventType})<-[:PERFORMED]-(u:User)
  WHERE e.ts >= $baselineFrom AND e.ts <= $asOf AND coalesce(u.consentAnalytics, $consentDefaults.analytics)
  RETURN count(CASE WHEN e.ts >= $recentFrom THEN 1 END) AS recent,
         count(CASE WHEN e.ts < $recentFrom THEN 1 END) AS baseline
}
RETURN i.id AS itemId, recent, baseline
ORDER BY itemId
