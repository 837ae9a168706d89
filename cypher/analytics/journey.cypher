// One user's state path: their events (ratings excluded) in the time window, ordered by (ts, id), each with
// its item and whether it opens a new session (the first event, or a gap strictly greater than $gapMs since
// the previous one). The API renders START before each session and EXIT after each closed one; the last
// session is closed when the user has been idle longer than the gap. No row: the user does not exist.
// :param userId => 'u1'
// :param from => null
// :param to => null
// :param gapMs => 1800000
MATCH (u:User {id: $userId})
OPTIONAL MATCH (u)-[:PERFORMED]->(e:Event)-[:ON]->(i:Item)
WHERE e.type <> 'rating' AND ($from IS NULL OR e.ts >= $from) AND ($to IS NULL OR e.ts <= $to)
WITH u, e, i ORDER BY e.ts, e.id
WITH u, collect(CASE WHEN e IS NOT NULL THEN {id: e.id, type: e.type, ts: e.ts, itemId: i.id} END) AS evs
RETURN u.id AS userId,
       [k IN range(0, size(evs) - 1) | {id: evs[k].id, type: evs[k].type, ts: evs[k].ts, itemId: evs[k].itemId,
                                         newSession: k = 0 OR evs[k].ts - evs[k - 1].ts > $gapMs}] AS events
