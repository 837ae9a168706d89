// Demand forecast input: the $eventType events on one item, or on the items of one category, in
// [$from, $to], counted per UTC day (day = days since $from, which is a UTC midnight). Days without
// events are absent (the caller fills them with zero). Events of users who refused analytics are not counted.
// :param itemId => null
// :param categoryId => 'c1'
// :param eventType => 'purchase'
// :param from => 1733011200000
// :param to => 1736035199999
// :param consentDefaults => {personalisation: true, social: true, analytics: true, marketing: true}
MATCH (e:Event)
WHERE e.ts >= $from AND e.ts <= $to AND e.type = $eventType
MATCH (u:User)-[:PERFORMED]->(e)-[:ON]->(i:Item)
WHERE ($itemId IS NULL OR i.id = $itemId)
  AND ($categoryId IS NULL OR EXISTS { (i)-[:IN_CATEGORY]->(:Category {id: $categoryId}) })
  AND coalesce(u.consentAnalytics, $consentDefaults.analytics)
WITH toInteger(floor((e.ts - $from) / 86400000.0)) AS day
RETURN day, count(*) AS count
ORDER BY day
