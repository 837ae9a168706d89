// Step 4: fold the new events into the aggregated (:User)-[:INTERACTED]->(:Item) edge that the fast
// neighbourhood queries read: per-type counts, weight (sum of per-event weights, see
// src/domain/interaction-weights.ts), first and last time. The caller pre-aggregates the batch per
// (user, item) pair, so each edge is touched once per batch.
// :param pairs => [{userId: 'u1', itemId: 'i1', views: 1, favourites: 0, carts: 1, purchases: 1, cancels: 0, ratings: 0, ratingSum: 0.0, weight: 9.0, firstTs: 1000, lastTs: 3000}]
UNWIND $pairs AS p
MATCH (u:User {id: p.userId})
MATCH (i:Item {id: p.itemId})
// coalesce() instead of ON CREATE SET: one SET clause that both reads and writes r lets the planner skip
// an Eager barrier (pairs are unique within a batch, so rows never see each other's writes).
MERGE (u)-[r:INTERACTED]->(i)
SET r.views = coalesce(r.views, 0) + p.views,
    r.favourites = coalesce(r.favourites, 0) + p.favourites,
    r.carts = coalesce(r.carts, 0) + p.carts,
    r.purchases = coalesce(r.purchases, 0) + p.purchases,
    r.cancels = coalesce(r.cancels, 0) + p.cancels,
    r.ratings = coalesce(r.ratings, 0) + p.ratings,
    r.ratingSum = coalesce(r.ratingSum, 0.0) + p.ratingSum,
    r.weight = coalesce(r.weight, 0.0) + p.weight,
    r.firstTs = CASE WHEN r.firstTs IS NULL OR p.firstTs < r.firstTs THEN p.firstTs ELSE r.firstTs END,
    r.lastTs = CASE WHEN r.lastTs IS NULL OR p.lastTs > r.lastTs THEN p.lastTs ELSE r.lastTs END
RETURN count(r) AS folded
