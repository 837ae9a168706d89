// Stores written before consent per purpose had one flag, `consent`, which meant social features only: it
// becomes consentSocial (a choice already recorded under the new name wins) and goes. Idempotent, run at
// every start after the schema; batched so a large store needs no single huge transaction.
MATCH (u:User) WHERE u.consent IS NOT NULL
CALL (u) {
  SET u.consentSocial = coalesce(u.consentSocial, u.consent)
  REMOVE u.consent
} IN TRANSACTIONS OF 10000 ROWS
RETURN count(*) AS migrated
