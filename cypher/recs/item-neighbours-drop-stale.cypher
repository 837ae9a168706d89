// Item-item neighbours, step 2 of a rebuild: deletes up to $batch SIMILAR edges written by an earlier rebuild
// (an item that lost all its positive interactions is in no list of this one). The caller repeats it until
// it deletes nothing, so no transaction grows with the catalogue.
// :param builtAt => 1700000000000
// :param batch => 10000
MATCH (:Item)-[s:SIMILAR]->(:Item)
WHERE s.builtAt <> $builtAt
WITH s LIMIT $batch
DELETE s
RETURN count(*) AS deleted
