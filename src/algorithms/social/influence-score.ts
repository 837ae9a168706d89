// Influence score: PageRank rescaled by the number of users, s(v) = n * rank(v). PageRank sums to 1, so raw
// ranks shrink as the network grows; times n, the average user scores exactly 1.0 at any size, and a score of
// 3 reads "three times as influential as the average user". Every user scores at least 1 - d (0.15 at the
// default damping): the random-jump share. O(n).

/** n * rank[v] for each v (the mean of the result is 1 when rank sums to 1). */
export function influenceScore(rank: Float64Array): Float64Array {
  const n = rank.length;
  return rank.map((r) => r * n);
}
