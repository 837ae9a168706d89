// Aggregated interactions with no event timeline (e.g. Last.fm listening counts): set, not added, so
// re-loading changes nothing. weight = log(1 + plays), the usual damping of play counts.
// :param rows => [{userId: 'u1', itemId: 'i1', count: 12}]
UNWIND $rows AS row
MERGE (u:User {id: row.userId})
MERGE (i:Item {id: row.itemId})
MERGE (u)-[r:INTERACTED]->(i)
  ON CREATE SET r.views = 0, r.favourites = 0, r.carts = 0, r.purchases = 0, r.cancels = 0, r.ratings = 0,
                r.ratingSum = 0.0, r.created = true
WITH r, row, coalesce(r.created, false) AS created
SET r.plays = row.count, r.weight = log(1.0 + row.count)
REMOVE r.created
RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created
