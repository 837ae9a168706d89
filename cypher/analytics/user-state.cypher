// A user's latest event (ratings excluded; ties in ts broken by the larger event id, the last in (ts, id)
// order) and the number of events in the graph. The API derives the user's current state from it: no event
// -> START; now - ts > session gap -> EXIT; otherwise the event's type. totalEvents (a count-store lookup)
// tells the API when its cached chain is stale. No row: the user does not exist.
// $asOf (nextState's asOf): the state as of that instant, events after it ignored; null: every event (now).
// On a historical log pass the latest event time (cypher/demand/last-event.cypher): as of today every user
// has been idle longer than the gap, so every state is EXIT.
// :param userId => 'u1'
// :param asOf => null
MATCH (u:User {id: $userId})
CALL (u) {
  OPTIONAL MATCH (u)-[:PERFORMED]->(e:Event)
  WHERE e.type <> 'rating' AND ($asOf IS NULL OR e.ts <= $asOf)
  RETURN e.type AS type, e.ts AS ts, e.id AS eventId
  ORDER BY e.ts DESC, e.id DESC
  LIMIT 1
}
CALL () {
  MATCH (x:Event)
  RETURN count(x) AS totalEvents
}
RETURN u.id AS userId, type, ts, eventId, totalEvents
