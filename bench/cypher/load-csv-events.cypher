// Baseline for bench/ingest.ts: the same event rows loaded with Neo4j's own LOAD CSV, doing the same work as
// the batched writer (skip known ids, ensure user and item, create the event chain, fold into INTERACTED and
// into the user's profile counters), in transactions of $batch rows. File columns: id,userId,itemId,type,ts,w,v
// (v: the order value of a purchase, empty otherwise).
LOAD CSV WITH HEADERS FROM $url AS row
CALL (row) {
  OPTIONAL MATCH (known:Event {id: row.id})
  WITH row WHERE known IS NULL
  MERGE (u:User {id: row.userId})
  MERGE (i:Item {id: row.itemId})
  CREATE (u)-[:PERFORMED]->(e:Event {id: row.id, type: row.type, ts: toInteger(row.ts), value: toFloat(row.v)})-[:ON]->(i)
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
  WITH row, u, i, toInteger(row.ts) AS ts, CASE WHEN row.type = 'purchase' THEN coalesce(toFloat(row.v), i.price) END AS spend
  SET u.views = coalesce(u.views, 0) + CASE row.type WHEN 'view' THEN 1 ELSE 0 END,
      u.favourites = coalesce(u.favourites, 0) + CASE row.type WHEN 'favourite' THEN 1 ELSE 0 END,
      u.carts = coalesce(u.carts, 0) + CASE row.type WHEN 'cart' THEN 1 ELSE 0 END,
      u.purchases = coalesce(u.purchases, 0) + CASE row.type WHEN 'purchase' THEN 1 ELSE 0 END,
      u.cancels = coalesce(u.cancels, 0) + CASE row.type WHEN 'cancel' THEN 1 ELSE 0 END,
      u.ratings = coalesce(u.ratings, 0) + CASE row.type WHEN 'rating' THEN 1 ELSE 0 END,
      u.monetary = coalesce(u.monetary, 0.0) + coalesce(spend, 0.0),
      u.unpricedPurchases = coalesce(u.unpricedPurchases, 0) + CASE WHEN row.type = 'purchase' AND spend IS NULL THEN 1 ELSE 0 END,
      u.firstActivityTs = CASE WHEN u.firstActivityTs IS NULL OR ts < u.firstActivityTs THEN ts ELSE u.firstActivityTs END,
      u.lastActivityTs = CASE WHEN u.lastActivityTs IS NULL OR ts > u.lastActivityTs THEN ts ELSE u.lastActivityTs END,
      u.lastPurchaseTs = CASE WHEN row.type <> 'purchase' THEN u.lastPurchaseTs
                              WHEN u.lastPurchaseTs IS NULL OR ts > u.lastPurchaseTs THEN ts ELSE u.lastPurchaseTs END
} IN TRANSACTIONS OF $batch ROWS
