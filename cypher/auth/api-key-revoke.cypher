// Revokes a key (kept for the audit trail, never deleted); revoking twice keeps the first time.
// :param id => 'k-3f9a1c2b'
// :param at => 1767225600000
MATCH (k:ApiKey {id: $id})
SET k.revokedAt = coalesce(k.revokedAt, $at)
RETURN k.id AS id, k.revokedAt AS revokedAt
