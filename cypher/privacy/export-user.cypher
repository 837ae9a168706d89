// Everything stored about one user, for exportUserData (portability, GDPR art. 20): the node's properties,
// every event (ts, id order) with its item and its attribution to a page, the aggregated INTERACTED edges
// (item id order), friends, users followed and followers (id order) with the edges' `since`, and the
// impressions reported for the user's pages (servedAt, recId order). No row when the user does not exist.
// :param userId => 'u1'
MATCH (u:User {id: $userId})
RETURN properties(u) AS user,
       COLLECT {
         MATCH (u)-[:PERFORMED]->(e:Event)-[:ON]->(i:Item)
         WITH e, i ORDER BY e.ts, e.id
         RETURN {id: e.id, type: e.type, ts: e.ts, value: e.value, itemId: i.id,
                 attribution: CASE WHEN e.recId IS NULL THEN null ELSE {
                   recId: e.recId, strategy: e.recStrategy, experiment: e.recExperiment, variant: e.recVariant,
                   campaign: e.recCampaign, position: e.recPosition, servedAt: e.recServedAt} END}
       } AS events,
       COLLECT {
         MATCH (u)-[r:INTERACTED]->(i:Item)
         WITH i, properties(r) AS p ORDER BY i.id
         RETURN p {.*, itemId: i.id}
       } AS interactions,
       COLLECT {
         MATCH (u)-[r:FRIEND]-(f:User) WHERE f <> u
         WITH f, r ORDER BY f.id
         RETURN {userId: f.id, since: r.since}
       } AS friends,
       COLLECT {
         MATCH (u)-[r:FOLLOWS]->(f:User)
         WITH f, r ORDER BY f.id
         RETURN {userId: f.id, since: r.since}
       } AS follows,
       COLLECT {
         MATCH (u)<-[r:FOLLOWS]-(f:User)
         WITH f, r ORDER BY f.id
         RETURN {userId: f.id, since: r.since}
       } AS followers,
       COLLECT {
         MATCH (u)-[:SAW]->(p:Impression)
         WITH p ORDER BY p.servedAt, p.recId
         RETURN p {.recId, .surface, .servedAt, .at, .strategy, .experiment, .variant, .campaign, .offset, .itemIds, .positions}
       } AS impressions
