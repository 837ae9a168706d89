// One experiment's figures per variant (README "Experiments"), over users with analytics consent:
//   assigned     users with an ASSIGNED edge to the experiment (served a page under a variant)
//   exposed      assigned users with at least one Impression of this experiment
//   impressions  items reported rendered on those impressions (sum of size(itemIds))
//   clicks       'view' events attributed to this experiment and variant (recExperiment, recVariant)
//   conversions  exposed users with a 'purchase' event, on any item, at or after their first impression
//                and at most $windowMs after it (the strategy may change what else they buy)
//   revenue      per exposed user, the sum of those purchases' values (Event.value, else the item's price):
//                n = exposed, sum and sumSq of the per-user amounts, for Welch's test
// A user with two ASSIGNED edges (a concurrent write) counts once, in the variant of the first.
// :param key => 'graph-vs-hybrid'
// :param windowMs => 604800000
// :param consentDefaults => {personalisation: true, social: true, analytics: true, marketing: true}
MATCH (:Experiment {key: $key})<-[a:ASSIGNED]-(u:User)
WHERE coalesce(u.consentAnalytics, $consentDefaults.analytics)
WITH u, a ORDER BY a.at
WITH u, head(collect(a.variant)) AS variant
CALL (u) {
  OPTIONAL MATCH (u)-[:SAW]->(p:Impression {experiment: $key})
  RETURN min(coalesce(p.at, p.servedAt)) AS firstSeen, sum(size(p.itemIds)) AS impressions
}
CALL (u, variant) {
  OPTIONAL MATCH (u)-[:PERFORMED]->(c:Event {recExperiment: $key, recVariant: variant, type: 'view'})
  RETURN count(c) AS clicks
}
CALL (u, firstSeen) {
  OPTIONAL MATCH (u)-[:PERFORMED]->(b:Event {type: 'purchase'})
  WHERE firstSeen IS NOT NULL AND b.ts >= firstSeen AND b.ts <= firstSeen + $windowMs
  OPTIONAL MATCH (b)-[:ON]->(i:Item)
  RETURN count(b) AS purchases, sum(coalesce(toFloat(b.value), toFloat(i.price), 0.0)) AS revenue
}
RETURN variant,
       count(u) AS assigned,
       count(firstSeen) AS exposed,
       sum(impressions) AS impressions,
       sum(clicks) AS clicks,
       sum(CASE WHEN purchases > 0 THEN 1 ELSE 0 END) AS conversions,
       sum(revenue) AS revenueSum,
       sum(revenue * revenue) AS revenueSumSq
ORDER BY variant
