// One event with its user and item.
// :param id => 'e1'
MATCH (u:User)-[:PERFORMED]->(e:Event {id: $id})-[:ON]->(i:Item)
RETURN e.id AS id, e.type AS type, e.ts AS ts, e.value AS value, i.id AS itemId, u.id AS userId
