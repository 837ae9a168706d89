// A user's interactions newest first; ties broken by event id (descending). Keyset cursor on (ts, id).
// Each with its attribution to a page (null when it has none; docs/loop.md).
// :param userId => 'u1'
// :param beforeTs => null
// :param beforeId => null
// :param type => null
// :param first => 20
MATCH (:User {id: $userId})-[:PERFORMED]->(e:Event)-[:ON]->(i:Item)
WHERE ($type IS NULL OR e.type = $type)
  AND ($beforeTs IS NULL OR e.ts < $beforeTs OR (e.ts = $beforeTs AND e.id < $beforeId))
RETURN e.id AS id, e.type AS type, e.ts AS ts, e.value AS value, i.id AS itemId, $userId AS userId,
       CASE WHEN e.recId IS NULL THEN null
            ELSE e {.recId, .recStrategy, .recExperiment, .recVariant, .recCampaign, .recPosition, .recServedAt} END AS attribution
ORDER BY e.ts DESC, e.id DESC
LIMIT $first
