// Baseline for bench/ingest.ts: the same event rows loaded with Neo4j's own LOAD CSV, doing the same work as
// the batched writer (skip known ids, ensure user and item, create the event chain, fold into INTERACTED),
// in transactions of $batch rows. File columns: id,userId,itemId,type,ts,w
LOAD CSV WITH HEADERS FROM $url AS row
CALL (row) {
  OPTIONAL MATCH (known:Event {id: row.id})
  WITH row WHERE known IS NULL
  MERGE (u:User {id: row.userId})
  MERGE (i:Item {id: row.itemId})
  CREATE (u)-[:PERFORMED]->(e:Event {id: row.id, type: row.type, ts: toInteger(row.ts)})-[:ON]->(i)
  MERGE (u)-[r:INTERACTED]->(i)
    ON CREATE SET r.views = 0, r.favourites = 0, r.carts = 0, r.purchases = 0, r.cancels = 0, r.ratings = 0,
                  r.ratingSum = 0.0, r.weight = 0.0, r.firstTs = toInteger(row.ts), r.lastTs = toInteger(row.ts)
  SET r.views = r.views + CASE row.type WHEN 'view' THEN 1 ELSE 0 END,
      r.favourites = r.favourites + CASE row.type WHEN 'favourite' THEN 1 ELSE 0 END,
      r.carts = r.carts + CASE row.type WHEN 'cart' THEN 1 ELSE 0 END,
      r.purchases = r.purchases + CASE row.type WHEN 'purchase' THEN 1 ELSE 0 END,
      r.cancels = r.cancels + CASE row.type WHEN 'cancel' THEN 1 ELSE 0 END,
      r.weight = r.weight + toFloat(row.w),
      r.firstTs = CASE WHEN toInteger(row.ts) < r.firstTs THEN toInteger(row.ts) ELSE r.firstTs END,
      r.lastTs = CASE WHEN toInteger(row.ts) > r.lastTs THEN toInteger(row.ts) ELSE r.lastTs END
} IN TRANSACTIONS OF $batch ROWS
