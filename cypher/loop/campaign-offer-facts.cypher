// nextBestOffer in one round trip: the user's facts (effective marketing consent, purchase count) and, for
// every running campaign of the channel (not stopped, startAt <= now < endAt), what eligibility and the
// offer model need about this user: audience membership, the impressions of it the user already had (the
// frequency cap), the offer's items (categories, already bought by the user), and the user's interest in
// the offer's categories: purchases and interaction weight per category, and the weight of the user's
// items in any of them (each item counted once). No row when the user does not exist.
// Cost: the channel's campaigns x (offer items + the user's interactions).
// :param userId => 'u1'
// :param channel => 'ONSITE'
// :param now => 1767225600000
// :param consentDefaults => {personalisation: true, social: true, analytics: true, marketing: true}
MATCH (u:User {id: $userId})
CALL (u) {
  MATCH (c:Campaign {channel: $channel})
  WHERE c.stoppedAt IS NULL AND c.startAt <= $now AND (c.endAt IS NULL OR c.endAt > $now)
  CALL (u, c) {
    UNWIND coalesce(c.itemIds, []) AS itemId
    MATCH (i:Item {id: itemId})
    RETURN collect({id: i.id, categoryIds: [(i)-[:IN_CATEGORY]->(k:Category) | k.id],
                    purchased: EXISTS { (u)-[r:INTERACTED]->(i) WHERE r.purchases > 0 }}) AS items
  }
  WITH u, c, items, reduce(acc = [], it IN items | acc + [k IN it.categoryIds WHERE NOT k IN acc]) AS offerCategories
  CALL (u, offerCategories) {
    UNWIND offerCategories AS categoryId
    MATCH (k:Category {id: categoryId})
    OPTIONAL MATCH (u)-[r:INTERACTED]->(:Item)-[:IN_CATEGORY]->(k)
    WITH k, coalesce(sum(r.purchases), 0) AS purchases, coalesce(sum(r.weight), 0.0) AS weight
    RETURN collect({id: k.id, name: k.name, purchases: purchases, weight: weight}) AS categories
  }
  CALL (u, offerCategories) {
    OPTIONAL MATCH (u)-[r:INTERACTED]->(j:Item)
    WHERE EXISTS { (j)-[:IN_CATEGORY]->(k:Category) WHERE k.id IN offerCategories }
    RETURN coalesce(sum(r.weight), 0.0) AS weightInOffer
  }
  RETURN collect(c {.*,
    segmentName: COLLECT { MATCH (s:Segment {id: c.audienceSegmentId}) RETURN s.name }[0],
    inAudience: c.audienceSegmentId IS NULL OR EXISTS { (u)-[:IN_SEGMENT]->(:Segment {id: c.audienceSegmentId}) },
    seen: size([(u)-[:SAW]->(p) WHERE p.campaign = c.id | p]),
    items: items, categories: categories, weightInOffer: weightInOffer}) AS campaigns
}
RETURN u.id AS userId,
       coalesce(u.consentMarketing, $consentDefaults.marketing) AS marketing,
       coalesce(u.purchases, 0) AS purchases,
       reduce(s = 0.0, w IN [(u)-[r:INTERACTED]->(:Item) | coalesce(r.weight, 0.0)] | s + w) AS weightTotal,
       campaigns
