// Membership refresh, step 3: the segment's size and refresh time, stored on it.
// :param segmentId => 'big-spenders'
// :param at => 1735689600000
MATCH (s:Segment {id: $segmentId})
SET s.size = COUNT { (s)<-[:IN_SEGMENT]-(:User) }, s.refreshedAt = $at
RETURN s.size AS size
