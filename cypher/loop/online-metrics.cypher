// Online metrics of the loop (docs/loop.md), one row per UTC day and group, over the UTC days that the window
// [$from, $to] (epoch milliseconds) touches. Only users with analytics consent count.
// $groupBy: 'STRATEGY' (Impression.strategy / Event.recStrategy; offers have none and are left out),
// 'VARIANT' (experiment + '/' + variant; traffic outside experiments is left out) or 'CAMPAIGN' (campaign id;
// traffic outside campaigns is left out).
//   impressions  items reported (size(itemIds)) on the group's Impressions of that day (Impression.day)
//   users        distinct users with such an Impression
//   clicks       attributed 'view' Events of the group whose ts falls on that day
//   purchases    attributed 'purchase' Events of the group on that day
//   revenue      sum over those purchases of the order value, else the item's price (unpriced: 0)
//   ctr          clicks / impressions, null without impressions
//   conversion   purchases / users, null without users
// A day and group with attributed events but no impressions (reported late, or never) has impressions 0.
// Served by the impression_day and event_ts indexes.
// :param from => 1704067200000
// :param to => 1706745599999
// :param groupBy => 'STRATEGY'
// :param consentDefaults => {personalisation: true, social: true, analytics: true, marketing: true}
WITH date(datetime({epochMillis: toInteger($from)})) AS d0, date(datetime({epochMillis: toInteger($to)})) AS d1
WITH toString(d0) AS fromDay, toString(d1) AS toDay,
     datetime({date: d0}).epochMillis AS fromMs, datetime({date: d1 + duration({days: 1})}).epochMillis AS endMs
CALL (fromDay, toDay, fromMs, endMs) {
  MATCH (p:Impression)
  WHERE p.day >= fromDay AND p.day <= toDay
  MATCH (u:User)-[:SAW]->(p)
  WHERE coalesce(u.consentAnalytics, $consentDefaults.analytics)
  WITH p, u, CASE $groupBy
      WHEN 'STRATEGY' THEN p.strategy
      WHEN 'VARIANT' THEN p.experiment + '/' + p.variant
      WHEN 'CAMPAIGN' THEN p.campaign END AS grp
  WHERE grp IS NOT NULL
  RETURN p.day AS day, grp, sum(size(p.itemIds)) AS impressions, count(DISTINCT u) AS users,
         0 AS clicks, 0 AS purchases, 0.0 AS revenue
  UNION ALL
  MATCH (e:Event)
  WHERE e.ts >= fromMs AND e.ts < endMs AND e.type IN ['view', 'purchase'] AND e.recId IS NOT NULL
  MATCH (u:User)-[:PERFORMED]->(e)
  WHERE coalesce(u.consentAnalytics, $consentDefaults.analytics)
  WITH e, CASE $groupBy
      WHEN 'STRATEGY' THEN e.recStrategy
      WHEN 'VARIANT' THEN e.recExperiment + '/' + e.recVariant
      WHEN 'CAMPAIGN' THEN e.recCampaign END AS grp
  WHERE grp IS NOT NULL
  OPTIONAL MATCH (e)-[:ON]->(i:Item)
  RETURN toString(date(datetime({epochMillis: e.ts}))) AS day, grp, 0 AS impressions, 0 AS users,
         count(CASE WHEN e.type = 'view' THEN 1 END) AS clicks,
         count(CASE WHEN e.type = 'purchase' THEN 1 END) AS purchases,
         sum(CASE WHEN e.type = 'purchase' THEN toFloat(coalesce(e.value, i.price, 0)) ELSE 0.0 END) AS revenue
}
WITH day, grp, sum(impressions) AS impressions, sum(users) AS users, sum(clicks) AS clicks,
     sum(purchases) AS purchases, sum(revenue) AS revenue
RETURN day, grp AS group, impressions, clicks,
       CASE WHEN impressions = 0 THEN null ELSE toFloat(clicks) / impressions END AS ctr,
       users, purchases,
       CASE WHEN users = 0 THEN null ELSE toFloat(purchases) / users END AS conversion,
       revenue
ORDER BY day, group
