// peopleYouMayKnow: friends of friends and users with shared tastes, not yet friends, never the user.
//   score(u,c) = $mutualWeight * mutualFriends(u,c) + $tasteWeight * sharedItems(u,c)
//   mutualFriends = friends of u who are friends of c; sharedItems = items both interacted with positively.
// Users who declined social features (consentSocial false, or unset and $consentDefaults.social false) are
// neither suggested nor counted or named as mutual friends. `mutualIds` / `sharedItemIds`: the
// first $viaLimit of each by id, for the reasons. Order: score DESC, id ASC.
// :param userId => 'u1'
// :param mutualWeight => 1.0
// :param tasteWeight => 0.25
// :param consentDefaults => {personalisation: true, social: true, analytics: true, marketing: true}
// :param viaLimit => 3
// :param limit => 10
MATCH (u:User {id: $userId})
CALL (u) {
  MATCH (u)-[:FRIEND]-(m:User)-[:FRIEND]-(c:User) WHERE coalesce(m.consentSocial, $consentDefaults.social)
  RETURN c, m.id AS mutualId, null AS itemId
  UNION ALL
  MATCH (u)-[r1:INTERACTED]->(i:Item)<-[r2:INTERACTED]-(c:User) WHERE r1.weight > 0 AND r2.weight > 0
  RETURN c, null AS mutualId, i.id AS itemId
}
WITH u, c, mutualId, itemId
ORDER BY mutualId ASC, itemId ASC
WITH u, c, collect(mutualId) AS mutualIds, collect(itemId) AS sharedItemIds
WHERE c <> u AND coalesce(c.consentSocial, $consentDefaults.social) AND NOT EXISTS { (u)-[:FRIEND]-(c) }
WITH c, mutualIds, sharedItemIds, size(mutualIds) AS mutualFriends, size(sharedItemIds) AS sharedItems
RETURN c.id AS id, $mutualWeight * mutualFriends + $tasteWeight * sharedItems AS score, mutualFriends, sharedItems,
       mutualIds[0..$viaLimit] AS mutualIds, sharedItemIds[0..$viaLimit] AS sharedItemIds
ORDER BY score DESC, id ASC
LIMIT $limit
