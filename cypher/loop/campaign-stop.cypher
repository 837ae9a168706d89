// Stops a campaign: no more offers from it. Idempotent: stopping again keeps the first stop time. No row
// when the campaign does not exist (NOT_FOUND).
// :param id => 'spring-shoes-k3v9q2'
// :param at => 1767225600000
MATCH (c:Campaign {id: $id})
SET c.stoppedAt = coalesce(c.stoppedAt, $at)
RETURN c {.*} AS campaign
