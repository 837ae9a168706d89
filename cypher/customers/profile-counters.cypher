// Live behaviour counters, folded in the same transaction that creates new events (ingest and
// recordInteraction), so a profile's counts, spend and last activity are current without a recompute.
// One row per user with the new events' totals; spend is the order value, else the item's price
// (unpriced purchases are counted, not guessed). The same fold as src/algorithms/profile (applyEvent).
// :param users => [{userId: 'u1', views: 1, favourites: 0, carts: 0, purchases: 1, cancels: 0, ratings: 0, firstTs: 1700000000000, lastTs: 1700000000000, lastPurchaseTs: 1700000000000, purchaseLines: [{itemId: 'i1', value: null}]}]
UNWIND $users AS row
MATCH (u:User {id: row.userId})
CALL (row) {
  UNWIND row.purchaseLines AS line
  OPTIONAL MATCH (i:Item {id: line.itemId})
  WITH coalesce(line.value, i.price) AS spend
  RETURN sum(coalesce(spend, 0)) AS spend, count(CASE WHEN spend IS NULL THEN 1 END) AS unpriced
}
SET u.views = coalesce(u.views, 0) + row.views,
    u.favourites = coalesce(u.favourites, 0) + row.favourites,
    u.carts = coalesce(u.carts, 0) + row.carts,
    u.purchases = coalesce(u.purchases, 0) + row.purchases,
    u.cancels = coalesce(u.cancels, 0) + row.cancels,
    u.ratings = coalesce(u.ratings, 0) + row.ratings,
    u.monetary = coalesce(u.monetary, 0.0) + spend,
    u.unpricedPurchases = coalesce(u.unpricedPurchases, 0) + unpriced,
    u.firstActivityTs = CASE WHEN u.firstActivityTs IS NULL OR row.firstTs < u.firstActivityTs THEN row.firstTs ELSE u.firstActivityTs END,
    u.lastActivityTs = CASE WHEN u.lastActivityTs IS NULL OR row.lastTs > u.lastActivityTs THEN row.lastTs ELSE u.lastActivityTs END,
    u.lastPurchaseTs = CASE WHEN row.lastPurchaseTs IS NULL THEN u.lastPurchaseTs
                            WHEN u.lastPurchaseTs IS NULL OR row.lastPurchaseTs > u.lastPurchaseTs THEN row.lastPurchaseTs
                            ELSE u.lastPurchaseTs END
RETURN count(u) AS updated
