// GRAPH model input, streamed in one query: every positive user-item interaction ('I', user, item, weight)
// and, when $withFriends, the social ties between two users who both consented to social features (a social
// signal needs both ends' consent): every FRIEND edge once ('F', user, user, 1.0; undirected, either direction
// stored) and every FOLLOWS edge ('W', follower, followee, 1.0; directed: the follower's taste is informed by
// the followee, not the reverse). The TypeScript side maps ids to dense indices, builds the CSR matrices,
// weighs a follow at RecsConfig.graph.followWeight of a friendship and fits GF-CF (src/algorithms/recs/gfcf.ts).
// :param withFriends => true
// :param consentDefaults => {personalisation: true, social: true, analytics: true, marketing: true}
MATCH (u:User)-[r:INTERACTED]->(i:Item)
WHERE r.weight > 0
RETURN 'I' AS kind, u.id AS src, i.id AS dst, r.weight AS w
UNION ALL
MATCH (a:User)-[:FRIEND]->(b:User)
WHERE $withFriends AND a <> b
  AND coalesce(a.consentSocial, $consentDefaults.social) AND coalesce(b.consentSocial, $consentDefaults.social)
RETURN 'F' AS kind, a.id AS src, b.id AS dst, 1.0 AS w
UNION ALL
MATCH (a:User)-[:FOLLOWS]->(b:User)
WHERE $withFriends AND a <> b
  AND coalesce(a.consentSocial, $consentDefaults.social) AND coalesce(b.consentSocial, $consentDefaults.social)
RETURN 'W' AS kind, a.id AS src, b.id AS dst, 1.0 AS w
