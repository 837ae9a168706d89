// campaignAudience in one round trip: every member of the campaign's audience (its segment's members, or
// every user when it has none) who consents to marketing, with what the offer model needs: purchase
// count, impressions of this campaign already had (the frequency cap), and the interaction weight in all
// and in the offer's categories (each item counted once). Holdout and cap are applied by the caller.
// Cost: the audience x their interactions; the caller ranks it in memory (README "Campaigns").
// :param campaignId => 'spring-shoes-k3v9q2'
// :param consentDefaults => {personalisation: true, social: true, analytics: true, marketing: true}
MATCH (c:Campaign {id: $campaignId})
CALL (c) {
  UNWIND coalesce(c.itemIds, []) AS itemId
  MATCH (:Item {id: itemId})-[:IN_CATEGORY]->(k:Category)
  RETURN collect(DISTINCT k.id) AS offerCategories
}
// The UNWIND of an empty or one-element list chooses the branch before any scan: a segment campaign never
// reads every user.
CALL (c) {
  UNWIND CASE WHEN c.audienceSegmentId IS NULL THEN [true] ELSE [] END AS everyone
  MATCH (u:User)
  RETURN u
  UNION
  MATCH (u:User)-[:IN_SEGMENT]->(s:Segment {id: c.audienceSegmentId})
  RETURN u
}
WITH c, offerCategories, u
WHERE coalesce(u.consentMarketing, $consentDefaults.marketing)
RETURN u.id AS userId,
       coalesce(u.purchases, 0) AS purchases,
       size([(u)-[:SAW]->(p) WHERE p.campaign = c.id | p]) AS seen,
       reduce(s = 0.0, w IN [(u)-[r:INTERACTED]->(:Item) | coalesce(r.weight, 0.0)] | s + w) AS weightTotal,
       reduce(s = 0.0, w IN [(u)-[r:INTERACTED]->(j:Item)
                             WHERE EXISTS { (j)-[:IN_CATEGORY]->(k:Category) WHERE k.id IN offerCategories }
                             | coalesce(r.weight, 0.0)] | s + w) AS weightInOffer
ORDER BY userId
