// The time of the latest event in the graph: "now" for demand questions on historic data (a shop
// replayed from a log would otherwise have no recent demand at all). Served by the event_ts index.
MATCH (e:Event)
RETURN max(e.ts) AS lastTs
