// Range indexes for the lookups the queries do besides ids. Every index is paid for on each write of its
// label (Event: one per event ingested), so only indexes some query's plan uses are kept
// (docs/query-plans.md shows which).
// Trending: events inside a time window (recs/trending.cypher seeks this range).
CREATE INDEX event_ts IF NOT EXISTS FOR (e:Event) ON (e.ts);
// Segments by user attributes and item price filters.
CREATE INDEX user_created IF NOT EXISTS FOR (u:User) ON (u.createdAt);
CREATE INDEX item_price IF NOT EXISTS FOR (i:Item) ON (i.price);
