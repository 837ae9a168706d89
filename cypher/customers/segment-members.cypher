// One page of a segment's members in id order (keyset: $after is the last id of the previous page).
// :param segmentId => 'big-spenders'
// :param after => ''
// :param first => 20
MATCH (:Segment {id: $segmentId})<-[:IN_SEGMENT]-(u:User)
WHERE u.id > $after
RETURN u.id AS userId
ORDER BY userId
LIMIT $first
