// Each campaign's figures:
//   audienceSize  members of its audience segment (every user when it has none), before holdout and consent
//   impressions   offer items rendered (the sum of size(itemIds) of its Impression nodes)
//   conversions   users with a purchase attributed to it (Event.recCampaign)
// Impressions and conversions count only users with analytics consent (docs/loop.md "Privacy"). The
// Impression.campaign and Event.recCampaign indexes make these lookups, not scans.
// :param ids => ['spring-shoes-k3v9q2']
// :param consentDefaults => {personalisation: true, social: true, analytics: true, marketing: true}
UNWIND $ids AS id
MATCH (c:Campaign {id: id})
CALL (c) {
  OPTIONAL MATCH (s:Segment {id: c.audienceSegmentId})
  RETURN CASE WHEN c.audienceSegmentId IS NULL THEN COUNT { (:User) }
              ELSE COUNT { (:User)-[:IN_SEGMENT]->(s) } END AS audienceSize
}
CALL (c) {
  OPTIONAL MATCH (u:User)-[:SAW]->(p:Impression {campaign: c.id})
  WHERE coalesce(u.consentAnalytics, $consentDefaults.analytics)
  RETURN coalesce(sum(size(p.itemIds)), 0) AS impressions
}
CALL (c) {
  OPTIONAL MATCH (u:User)-[:PERFORMED]->(e:Event {recCampaign: c.id})
  WHERE e.type = 'purchase' AND coalesce(u.consentAnalytics, $consentDefaults.analytics)
  RETURN count(DISTINCT u) AS conversions
}
RETURN c.id AS id, audienceSize, impressions, conversions
