// Batched user lookup for the per-request DataLoader (one round trip for many ids).
// :param ids => ['u1', 'u2']
UNWIND $ids AS id
MATCH (u:User {id: id})
RETURN u {.id, .name, .age, .gender, .location, .consentPersonalisation, .consentSocial, .consentAnalytics, .consentMarketing, .createdAt} AS user
