// Deletes a segment and its memberships (edges first in batches via segment-members-clear.cypher).
// :param segmentId => 'big-spenders'
MATCH (s:Segment {id: $segmentId})
DETACH DELETE s
RETURN count(*) AS deleted
