// Records impression reports: one (:User)-[:SAW]->(:Impression {recId}) per recommendation id, created on the
// first report with what the id says about the page (surface, servedAt, strategy, experiment, variant,
// campaign, offset) and the first report's time (at, day). Later reports of the same id add only the items
// not yet recorded (itemIds / positions stay parallel lists, in report order), so retries and subsets add
// nothing. The _lock write takes the node's write lock before its lists are read: two concurrent reports of
// one id then union instead of losing one's items (Neo4j read committed; see "Lost updates in Cypher").
// Each recId at most once per call (the store merges reports of one page first): a node touched by two rows
// of one statement could have its lists read before the other row's write (Eager). A row whose user is not
// stored returns nothing (the store reports it as NOT_FOUND). `fresh`: the items this call added.
// :param rows => [{k: 0, recId: 'r1.x.y', userId: 'u1', surface: 'recommendations', servedAt: 1767607200000, at: 1767607201000, day: '2026-01-05', strategy: 'HYBRID', experiment: null, variant: null, campaign: null, offset: 0, itemIds: ['i1', 'i2'], positions: [1, 2]}]
UNWIND $rows AS row
MATCH (u:User {id: row.userId})
MERGE (p:Impression {recId: row.recId})
  ON CREATE SET p.surface = row.surface, p.servedAt = row.servedAt, p.at = row.at, p.day = row.day,
                p.strategy = row.strategy, p.experiment = row.experiment, p.variant = row.variant,
                p.campaign = row.campaign, p.offset = row.offset, p.itemIds = [], p.positions = []
MERGE (u)-[:SAW]->(p)
SET p._lock = true
WITH row, p, [k IN range(0, size(row.itemIds) - 1) WHERE NOT row.itemIds[k] IN p.itemIds] AS fresh
SET p.itemIds = p.itemIds + [k IN fresh | row.itemIds[k]],
    p.positions = p.positions + [k IN fresh | row.positions[k]]
REMOVE p._lock
RETURN row.k AS k, [k IN fresh | row.itemIds[k]] AS fresh, size(p.itemIds) AS total
