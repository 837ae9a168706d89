// Item tags with a count (how many users applied the tag). Set, not added: re-loading changes nothing.
// :param rows => [{itemId: 'i1', tagId: 't1', count: 3}]
UNWIND $rows AS row
MERGE (i:Item {id: row.itemId})
MERGE (t:Tag {id: row.tagId})
MERGE (i)-[h:HAS_TAG]->(t)
  ON CREATE SET h.created = true
WITH h, row, coalesce(h.created, false) AS created
SET h.count = row.count
REMOVE h.created
RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created
