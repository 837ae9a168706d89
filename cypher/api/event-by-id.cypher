// One event with its user and item, and its attribution to a page (null when it has none; docs/loop.md).
// :param id => 'e1'
MATCH (u:User)-[:PERFORMED]->(e:Event {id: $id})-[:ON]->(i:Item)
RETURN e.id AS id, e.type AS type, e.ts AS ts, e.value AS value, i.id AS itemId, u.id AS userId,
       CASE WHEN e.recId IS NULL THEN null
            ELSE e {.recId, .recStrategy, .recExperiment, .recVariant, .recCampaign, .recPosition, .recServedAt} END AS attribution
