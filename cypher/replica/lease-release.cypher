// Gives a lease up (a replica shutting down), so another replica can take it at once instead of waiting
// for it to expire. Only the holder's release counts.
// :param name => 'refresh'
// :param holder => 'r-4f2a'
MATCH (l:Lease {name: $name})
WHERE l.holder = $holder
SET l.holder = null, l.expiresAt = null
