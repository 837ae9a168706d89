// Writes a batch of interaction events. Idempotent by event id: rows whose id already exists are skipped
// (the caller de-duplicates ids inside the batch), so a re-loaded file or a retried request never double counts.
// Each new event becomes (:User)-[:PERFORMED]->(:Event)-[:ON]->(:Item) for ordered per-user sequences, and
// is folded into the aggregated (:User)-[:INTERACTED]->(:Item) edge (per-type counts, weight, first/last time)
// that the fast neighbourhood queries read.
// :param rows => [{id: 'e1', userId: 'u1', itemId: 'i1', type: 'view', ts: 1700000000000, value: null, w: 1.0}]
UNWIND $rows AS row
OPTIONAL MATCH (existing:Event {id: row.id})
WITH row WHERE existing IS NULL
MERGE (u:User {id: row.userId})
MERGE (i:Item {id: row.itemId})
CREATE (u)-[:PERFORMED]->(e:Event {id: row.id, type: row.type, ts: row.ts, value: row.value})-[:ON]->(i)
MERGE (u)-[r:INTERACTED]->(i)
  ON CREATE SET r.views = 0, r.favourites = 0, r.carts = 0, r.purchases = 0, r.cancels = 0, r.ratings = 0,
                r.ratingSum = 0.0, r.weight = 0.0, r.firstTs = row.ts, r.lastTs = row.ts
SET r.views = r.views + CASE row.type WHEN 'view' THEN 1 ELSE 0 END,
    r.favourites = r.favourites + CASE row.type WHEN 'favourite' THEN 1 ELSE 0 END,
    r.carts = r.carts + CASE row.type WHEN 'cart' THEN 1 ELSE 0 END,
    r.purchases = r.purchases + CASE row.type WHEN 'purchase' THEN 1 ELSE 0 END,
    r.cancels = r.cancels + CASE row.type WHEN 'cancel' THEN 1 ELSE 0 END,
    r.ratings = r.ratings + CASE row.type WHEN 'rating' THEN 1 ELSE 0 END,
    r.ratingSum = r.ratingSum + CASE row.type WHEN 'rating' THEN coalesce(row.value, 0.0) ELSE 0.0 END,
    r.weight = r.weight + row.w,
    r.firstTs = CASE WHEN row.ts < r.firstTs THEN row.ts ELSE r.firstTs END,
    r.lastTs = CASE WHEN row.ts > r.lastTs THEN row.ts ELSE r.lastTs END
RETURN count(e) AS created
