// Campaigns (or the ones with the given ids), newest first; ties by id. The status (SCHEDULED, RUNNING,
// STOPPED) is derived from startAt, endAt and stoppedAt by the caller (src/domain/loop.ts campaignStatus).
// :param ids => null
MATCH (c:Campaign)
WHERE $ids IS NULL OR c.id IN $ids
RETURN c {.*} AS campaign
ORDER BY c.createdAt DESC, c.id
