// Step 3: create the new events as (:User)-[:PERFORMED]->(:Event)-[:ON]->(:Item), the ordered per-user
// sequences the behaviour analytics read. The event_id uniqueness constraint backs the idempotency check.
// An event attributed to a recommendation page (recordInteraction with a recommendationId) carries its
// attribution properties (recId, recStrategy, ...: docs/loop.md) in row.attribution; batch rows have none.
// quantity (a generic file's implicit-feedback amount; null, so not set, when absent) is kept as given.
// :param rows => [{id: 'e1', userId: 'u1', itemId: 'i1', type: 'view', ts: 1700000000000, value: null, quantity: null, attribution: {recId: 'r1.x.y', recStrategy: 'HYBRID', recPosition: 2, recServedAt: 1699999990000}}]
UNWIND $rows AS row
MATCH (u:User {id: row.userId})
MATCH (i:Item {id: row.itemId})
CREATE (u)-[:PERFORMED]->(e:Event {id: row.id, type: row.type, ts: row.ts, value: row.value, quantity: row.quantity})-[:ON]->(i)
SET e += coalesce(row.attribution, {})
RETURN count(e) AS created
