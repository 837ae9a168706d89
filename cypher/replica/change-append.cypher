// Appends one replica's batch of writes to the change log other replicas poll, and prunes records older
// than the retention. The sequence is the counter node's, incremented under its write lock, so sequence
// order is commit order and a poller reading `seq > last` misses nothing.
// :param replica => 'r-4f2a'
// :param changes => ['i\tu1\ti7', 'u\tu2\tsocial']
// :param now => 1767312000000
// :param before => 1767311940000
MERGE (counter:CacheChangeSeq {name: 'cache'})
SET counter.seq = coalesce(counter.seq, 0) + 1
CREATE (c:CacheChange {seq: counter.seq, replica: $replica, changes: $changes, at: $now})
WITH c
CALL (c) {
  MATCH (old:CacheChange) WHERE old.at < $before
  DELETE old
}
RETURN c.seq AS seq
