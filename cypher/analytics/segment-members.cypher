// The ids of a saved segment's members ((:User)-[:IN_SEGMENT]->(:Segment {id})), by the Segment.id constraint's
// index: the one read the in-memory population needs for SegmentInput.segmentId. Consent and the other filters are
// applied in memory. The members are sent only when the segment's version differs from $knownVersion (the
// version the caller holds the ids of; null: always sent): version = [refreshedAt (-1 before any refresh), the
// segment's IN_SEGMENT degree (O(1), from the node's relationship counts)]. Every refresh sets refreshedAt; a
// member leaving profiling or erased changes the degree; so a held list with the same version is the current one.
// No row: no such segment.
// :param segmentId => 'seg-1'
// :param knownVersion => null
MATCH (s:Segment {id: $segmentId})
WITH s, [coalesce(s.refreshedAt, -1), COUNT { (s)<-[:IN_SEGMENT]-() }] AS version
// CASE: the members are collected only when the branch is taken (the caller's list is stale or absent).
RETURN version, CASE WHEN version = $knownVersion THEN null ELSE COLLECT { MATCH (s)<-[:IN_SEGMENT]-(u:User) RETURN u.id } END AS userIds
