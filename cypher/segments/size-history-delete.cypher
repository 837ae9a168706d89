// Size history, delete: the snapshots of segments that are gone for good (a deleted rule segment, a cluster
// id the new clustering no longer has). A re-clustering keeps the series of the cluster ids it makes again.
// :param segmentIds => ['old-rule', 'cluster-5']
MATCH (h:SegmentSize)
WHERE h.segment IN $segmentIds
DETACH DELETE h
RETURN count(*) AS deleted
