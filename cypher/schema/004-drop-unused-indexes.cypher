// Stores created before this file had two indexes no query plan used: Event(type, ts) (analytics read events
// through each user's PERFORMED edges, never by type across users) and INTERACTED(lastTs) (trending reads
// events, not the aggregated edge). Each cost an index update per event written or folded, so they go.
DROP INDEX event_type_ts IF EXISTS;
DROP INDEX interacted_last_ts IF EXISTS;
