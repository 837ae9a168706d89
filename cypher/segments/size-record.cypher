// Size history, write: one snapshot of a segment's size, taken each time its members are (re)computed
// (profiles run, defineSegment, clustering). Sizes only: nothing personal, so erasure leaves these alone.
// Keyed by (segment, at): a retried refresh writes the same snapshot again instead of a second one.
// :param segmentId => 'big-spenders'
// :param at => 1735689600000
// :param size => 42
MERGE (h:SegmentSize {segment: $segmentId, at: $at})
SET h.size = $size
RETURN h.size AS size
