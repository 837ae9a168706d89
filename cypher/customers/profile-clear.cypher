// A user leaves profiling (refused analytics, or is being erased): their segment memberships go (each
// segment's stored size follows) and so do the features derived from the whole population or history.
// The behaviour counters stay: they are a cache of the user's own event log, like INTERACTED.
// :param userId => 'u1'
MATCH (u:User {id: $userId})
CALL (u) {
  MATCH (u)-[m:IN_SEGMENT]->(s:Segment)
  SET s.size = coalesce(s.size, 1) - 1
  DELETE m
  RETURN count(*) AS memberships
}
REMOVE u.sessions, u.meanSessionMinutes, u.favouriteHour, u.favouriteWeekday, u.weekendShare,
       u.topCategoryIds, u.topCategoryScores, u.topTagIds, u.topTagScores, u.influence,
       u.pAlive, u.expectedPurchases90d, u.expectedAverageValue, u.clv, u.rfmR, u.rfmF, u.rfmM, u.rfmSegment,
       u.profileComputedAt, u.profileAsOf
RETURN memberships
