// Segment size history (cypher/segments/size-*.cypher): one (:SegmentSize {segment, at, size}) per segment and
// refresh. The composite key makes a retried snapshot a no-op and serves "this segment's snapshots by time".
CREATE CONSTRAINT segment_size_at IF NOT EXISTS FOR (h:SegmentSize) REQUIRE (h.segment, h.at) IS UNIQUE;
