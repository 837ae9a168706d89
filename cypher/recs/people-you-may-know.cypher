// peopleYouMayKnow: friends of friends and users with shared tastes, not yet friends, never the user.
//   score(u,c) = $mutualWeight * mutualFriends(u,c) + $tasteWeight * sharedItems(u,c)
//   mutualFriends = friends of u who are friends of c; sharedItems = items both interacted with positively.
// Users who declined social features (consentSocial false, or unset and $consentDefaults.social false) are
// neither suggested nor counted or named as mutual friends. `mutualIds` / `sharedItemIds`: the
// first $viaLimit of each by id, for the reasons. Order: score DESC, id ASC.
// Bounded expansion (RECS_CONFIG.cypherBounds, as USER_CF; exact whenever no cap is reached): shared items are
// looked for among the user's $historyItems most recent positive items (lastTs DESC, weight DESC, id ASC;
// undated edges count as oldest), each with its $coUsersPerItem most recent co-users (same order), so a long
// history or a best seller does not pull in every user of the shop; friends of friends are not capped.
// :param userId => 'u1'
// :param mutualWeight => 1.0
// :param tasteWeight => 0.25
// :param historyItems => 50
// :param coUsersPerItem => 100
// :param consentDefaults => {personalisation: true, social: true, analytics: true, marketing: true}
// :param viaLimit => 3
// :param limit => 10
MATCH (u:User {id: $userId})
CALL (u) {
  MATCH (u)-[:FRIEND]-(m:User)-[:FRIEND]-(c:User) WHERE coalesce(m.consentSocial, $consentDefaults.social)
  RETURN c, m.id AS mutualId, null AS itemId
  UNION ALL
  MATCH (u)-[r1:INTERACTED]->(i:Item) WHERE r1.weight > 0
  WITH u, i ORDER BY coalesce(r1.lastTs, 0) DESC, r1.weight DESC, i.id ASC LIMIT $historyItems
  CALL (u, i) {
    MATCH (i)<-[r2:INTERACTED]-(c:User) WHERE r2.weight > 0 AND c <> u
    RETURN c ORDER BY coalesce(r2.lastTs, 0) DESC, r2.weight DESC, c.id ASC LIMIT $coUsersPerItem
  }
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
