// The population figures of the offer model (src/usecases/loop/offer-scoring.ts): per campaign, the users
// shown it (an Impression of it) and the users with a purchase attributed to it; and the mean purchase
// count of the users shown any campaign (the reference of a user's relative activity). Only users with
// analytics consent are counted (docs/loop.md "Privacy"). Cost: every campaign Impression and every
// campaign-attributed purchase, found through the Impression.campaign and Event.recCampaign indexes.
// :param consentDefaults => {personalisation: true, social: true, analytics: true, marketing: true}
CALL () {
  MATCH (u:User)-[:SAW]->(p:Impression)
  WHERE p.campaign IS NOT NULL AND coalesce(u.consentAnalytics, $consentDefaults.analytics)
  WITH p.campaign AS campaign, count(DISTINCT u) AS users
  RETURN collect({campaign: campaign, users: users}) AS shown
}
CALL () {
  MATCH (u:User)-[:PERFORMED]->(e:Event)
  WHERE e.recCampaign IS NOT NULL AND e.type = 'purchase' AND coalesce(u.consentAnalytics, $consentDefaults.analytics)
  WITH e.recCampaign AS campaign, count(DISTINCT u) AS users
  RETURN collect({campaign: campaign, users: users}) AS converted
}
CALL () {
  MATCH (u:User)-[:SAW]->(p:Impression)
  WHERE p.campaign IS NOT NULL AND coalesce(u.consentAnalytics, $consentDefaults.analytics)
  WITH DISTINCT u
  RETURN count(u) AS shownUsers, avg(coalesce(u.purchases, 0)) AS meanPurchases
}
RETURN shown, converted, shownUsers, meanPurchases
