// Membership refresh, step 1, repeated until it deletes nothing: up to $batchSize of the segment's
// IN_SEGMENT edges (batched so a large segment never needs one huge transaction).
// :param segmentId => 'big-spenders'
// :param batchSize => 10000
MATCH (:Segment {id: $segmentId})<-[m:IN_SEGMENT]-(:User)
WITH m LIMIT $batchSize
DELETE m
RETURN count(*) AS deleted
