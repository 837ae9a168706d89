// Every saved segment (or the ones with the given ids), by kind then id.
// :param ids => null
MATCH (s:Segment)
WHERE $ids IS NULL OR s.id IN $ids
RETURN s {.id, .name, .kind, .rule, .description, .size, .refreshedAt, .updatedAt, .centroid, .summary} AS segment
ORDER BY s.kind, s.id
