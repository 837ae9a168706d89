// What a segment (as an audience) likes: the items its members interacted with most, by the summed
// interaction weight of the INTERACTED aggregate (views 1 .. purchases 5, cancels -4), with how many
// members. Members are profiled users, so all of them consented to analytics.
// :param segmentId => 'rfm-champions'
// :param first => 10
MATCH (:Segment {id: $segmentId})<-[:IN_SEGMENT]-(u:User)-[r:INTERACTED]->(i:Item)
WITH i, sum(r.weight) AS score, count(DISTINCT u) AS members
WHERE score > 0
RETURN i.id AS itemId, score, members
ORDER BY score DESC, itemId
LIMIT $first
