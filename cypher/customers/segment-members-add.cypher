// Membership refresh, step 2: one batch of members (materialised as edges, so Cypher analytics and
// recommendation filters can use a segment as a plain pattern).
// :param segmentId => 'big-spenders'
// :param userIds => ['u1', 'u2']
MATCH (s:Segment {id: $segmentId})
UNWIND $userIds AS id
MATCH (u:User {id: id})
MERGE (u)-[:IN_SEGMENT]->(s)
RETURN count(*) AS added
