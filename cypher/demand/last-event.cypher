// The time of the latest event in the graph: "now" for demand questions on historic data (a shop
// replayed from a log would otherwise have no recent demand at all), and the reference the decayed recommendation
// strategies count back from. Served by the event_ts index (NodeIndexScan + Limit 1: 2 db hits, no scan).
MATCH (e:Event)
RETURN max(e.ts) AS lastTs
