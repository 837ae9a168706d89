// Takes (or renews) a named lease for `holder` unless another holder's lease is still running; returns the
// holder after the statement. The first SET takes the node's write lock before the holder is read, so two
// replicas racing for an expired lease cannot both take it.
// :param name => 'refresh'
// :param holder => 'r-4f2a'
// :param now => 1767312000000
// :param ttlMs => 7200000
MERGE (l:Lease {name: $name})
SET l.askedAt = $now
WITH l, (l.holder IS NULL OR l.holder = $holder OR l.expiresAt <= $now) AS free
FOREACH (_ IN CASE WHEN free THEN [1] ELSE [] END | SET l.holder = $holder, l.expiresAt = $now + $ttlMs)
RETURN l.holder AS holder, l.expiresAt AS expiresAt
