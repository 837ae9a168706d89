// What a segment's members look like: size, share of the profiled users, and the means of the features a
// marketer reads first (nulls skipped: recency and the value scores only over members who have them).
// Recency is taken at the latest event in the graph, as userProfile does. A segment that does not exist
// returns no row.
// :param segmentId => 'rfm-champions'
MATCH (s:Segment {id: $segmentId})
CALL () { MATCH (e:Event) RETURN max(e.ts) AS asOf }
OPTIONAL MATCH (s)<-[:IN_SEGMENT]-(u:User)
WITH count(u) AS members,
     avg((asOf - u.lastPurchaseTs) / 86400000.0) AS meanRecencyDays,
     avg(CASE WHEN u IS NULL THEN null ELSE coalesce(u.purchases, 0) END) AS meanPurchases,
     avg(CASE WHEN u IS NULL THEN null ELSE coalesce(u.monetary, 0.0) END) AS meanMonetary,
     avg(u.pAlive) AS meanPAlive,
     avg(u.clv) AS meanClv,
     sum(u.clv) AS totalClv
RETURN members, COUNT { (p:User) WHERE p.profileComputedAt IS NOT NULL } AS profiled,
       meanRecencyDays, meanPurchases, meanMonetary, meanPAlive, meanClv, totalClv
