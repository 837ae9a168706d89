// Profiles job, write side: one batch of computed profiles. `props` holds every profile property, null for
// "not known" (SET += with a null removes the property, so a stale value never survives a recompute).
// :param rows => [{userId: 'u1', props: {recencyDays: 3.5, frequency: 2, profileComputedAt: 1735689600000}}]
UNWIND $rows AS row
MATCH (u:User {id: row.userId})
SET u += row.props
RETURN count(u) AS written
