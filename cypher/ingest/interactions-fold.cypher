// Step 4: fold the new events into the aggregated (:User)-[:INTERACTED]->(:Item) edge that the fast
// neighbourhood queries read: per-type counts, weight (sum of per-event weights, see
// src/domain/interaction-weights.ts), first and last time. The caller pre-aggregates the batch per
// (user, item) pair, so each edge is touched once per batch.
// :param pairs => [{userId: 'u1', itemId: 'i1', views: 1, favourites: 0, carts: 1, purchases: 1, cancels: 0, ratings: 0, ratingSum: 0.0, weight: 9.0, firstTs: 1000, lastTs: 3000}]
UNWIND $pairs AS p
MATCH (u:User {id: p.userId})
MATCH (i:Item {id: p.itemId})
MERGE (u)-[r:INTERACTED]->(i)
  ON CREATE SET r.views = 0, r.favourites = 0, r.carts = 0, r.purchases = 0, r.cancels = 0, r.ratings = 0,
                r.ratingSum = 0.0, r.weight = 0.0, r.firstTs = p.firstTs, r.lastTs = p.lastTs
SET r.views = r.views + p.views,
    r.favourites = r.favourites + p.favourites,
    r.carts = r.carts + p.carts,
    r.purchases = r.purchases + p.purchases,
    r.cancels = r.cancels + p.cancels,
    r.ratings = r.ratings + p.ratings,
    r.ratingSum = r.ratingSum + p.ratingSum,
    r.weight = r.weight + p.weight,
    r.firstTs = CASE WHEN p.firstTs < r.firstTs THEN p.firstTs ELSE r.firstTs END,
    r.lastTs = CASE WHEN p.lastTs > r.lastTs THEN p.lastTs ELSE r.lastTs END
RETURN count(r) AS folded
