// Several API replicas over one database (README "Deployment"): the change log each replica polls to drop
// cached pages another replica's writes made stale, and the leases that let one replica run a scheduled job.
CREATE CONSTRAINT cache_change_seq IF NOT EXISTS FOR (c:CacheChange) REQUIRE c.seq IS UNIQUE;
CREATE INDEX cache_change_at IF NOT EXISTS FOR (c:CacheChange) ON (c.at);
CREATE CONSTRAINT lease_name IF NOT EXISTS FOR (l:Lease) REQUIRE l.name IS UNIQUE;
