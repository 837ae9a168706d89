// Exponential recency decay with a half-life, as the Cypher sources apply it to an interaction's last time:
//   d = exp(-ln2 * (now - lastTs) / halfLife)      (1 now, 1/2 one half-life ago)
// An interaction without a time counts undecayed (the Cypher's coalesce(r.lastTs, $now)): aggregated
// play counts such as Last.fm's have no time. Age and half-life in the same unit.
export function recencyDecay(age: number | undefined, halfLife: number): number {
  if (age === undefined || !Number.isFinite(age)) return 1;
  return Math.exp((-Math.LN2 * age) / halfLife);
}
