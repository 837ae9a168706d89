// Profiles job: the social graph the influence score (PageRank) runs on. FRIEND is stored once and read
// in both directions by the job; FOLLOWS points from the follower to the followed user. Edges touching a
// user who refused the social purpose are left out: such a user is not used as anyone's signal.
// :param consentDefaults => {personalisation: true, social: true, analytics: true, marketing: true}
MATCH (a:User)-[r:FRIEND|FOLLOWS]->(b:User)
WHERE a <> b
  AND coalesce(a.consentSocial, $consentDefaults.social)
  AND coalesce(b.consentSocial, $consentDefaults.social)
RETURN a.id AS from, b.id AS to, type(r) AS kind
