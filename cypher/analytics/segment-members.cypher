// The ids of a saved segment's members ((:User)-[:IN_SEGMENT]->(:Segment {id})), by the Segment.id constraint's
// index: the one read the in-memory population needs for SegmentInput.segmentId (memberships are rewritten by
// every segment refresh, so they are not held). Consent and the other filters are applied in memory.
// :param segmentId => 'seg-1'
MATCH (:Segment {id: $segmentId})<-[:IN_SEGMENT]-(u:User)
RETURN collect(u.id) AS userIds
