// Range indexes for the lookups the queries do besides ids.
// Time windows over events (analytics) and per-type filters (funnels, conversion).
CREATE INDEX event_ts IF NOT EXISTS FOR (e:Event) ON (e.ts);
CREATE INDEX event_type_ts IF NOT EXISTS FOR (e:Event) ON (e.type, e.ts);
// Trending: recent aggregated interactions.
CREATE INDEX interacted_last_ts IF NOT EXISTS FOR ()-[r:INTERACTED]-() ON (r.lastTs);
// Segments by user attributes and item price filters.
CREATE INDEX user_created IF NOT EXISTS FOR (u:User) ON (u.createdAt);
CREATE INDEX item_price IF NOT EXISTS FOR (i:Item) ON (i.price);
