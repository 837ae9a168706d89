// Profiled users ranked by churn risk (1 - P(alive), among users with a repeat-purchase model), by
// customer lifetime value, or by expected purchases, optionally within one segment; ties by id.
// $orderBy: 'CHURN_RISK' | 'CLV' | 'EXPECTED_PURCHASES'. Offset paging ($skip) because the order is by
// a computed value.
// :param orderBy => 'CHURN_RISK'
// :param segmentId => null
// :param skip => 0
// :param first => 20
MATCH (u:User)
WHERE u.pAlive IS NOT NULL
  AND ($segmentId IS NULL OR EXISTS { (u)-[:IN_SEGMENT]->(:Segment {id: $segmentId}) })
WITH u, CASE $orderBy
          WHEN 'CHURN_RISK' THEN 1.0 - u.pAlive
          WHEN 'CLV' THEN u.clv
          ELSE u.expectedPurchases90d END AS score
ORDER BY score DESC, u.id
SKIP $skip LIMIT $first
RETURN u.id AS userId, score
