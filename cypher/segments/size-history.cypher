// Size history, read: a segment's size snapshots with from <= at <= to, the `last` latest of them, oldest
// first (one series point per refresh; the console draws it as a line).
// :param segmentId => 'rfm-champions'
// :param from => 0
// :param to => 4102444800000
// :param last => 100
MATCH (h:SegmentSize {segment: $segmentId})
WHERE h.at >= $from AND h.at <= $to
WITH h ORDER BY h.at DESC LIMIT $last
RETURN h.at AS at, h.size AS size
ORDER BY at
