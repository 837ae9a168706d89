// The change records after `after` (oldest first, at most `limit`), and the newest sequence number: a
// replica starting up begins at the newest; a gap before the first record returned means records were
// pruned before this replica read them.
// :param after => 41
// :param limit => 500
OPTIONAL MATCH (counter:CacheChangeSeq {name: 'cache'})
CALL (counter) {
  OPTIONAL MATCH (c:CacheChange) WHERE c.seq > $after
  WITH c ORDER BY c.seq LIMIT $limit
  RETURN collect(c {.seq, .replica, .changes}) AS records
}
RETURN coalesce(counter.seq, 0) AS head, records
