// Step 3: create the new events as (:User)-[:PERFORMED]->(:Event)-[:ON]->(:Item), the ordered per-user
// sequences the behaviour analytics read. The event_id uniqueness constraint backs the idempotency check.
// :param rows => [{id: 'e1', userId: 'u1', itemId: 'i1', type: 'view', ts: 1700000000000, value: null}]
UNWIND $rows AS row
MATCH (u:User {id: row.userId})
MATCH (i:Item {id: row.itemId})
CREATE (u)-[:PERFORMED]->(e:Event {id: row.id, type: row.type, ts: row.ts, value: row.value})-[:ON]->(i)
RETURN count(e) AS created
