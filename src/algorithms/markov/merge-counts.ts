// Sum of transition counts from several sources (e.g. per-shard Cypher results, or per-user batches).
// Counts are additive, so merging then estimating equals estimating from the pooled data.
import { emptyCounts, indexOf, type TransitionCounts } from './transition-counts.ts';

/**
 * Element-wise sum. The state order is the union in first-seen order (first argument's states first),
 * so merging parts with identical state lists keeps that list. O(sum of K_part^2).
 */
export function mergeCounts(first: TransitionCounts, ...rest: readonly TransitionCounts[]): TransitionCounts {
  const parts = [first, ...rest];
  const states: string[] = [];
  const seen = new Set<string>();
  for (const p of parts) {
    for (const s of p.states) {
      if (!seen.has(s)) {
        seen.add(s);
        states.push(s);
      }
    }
  }
  const acc = emptyCounts(states);
  const index = indexOf(states);
  const k = states.length;
  for (const p of parts) {
    const kp = p.states.length;
    const map = p.states.map((s) => index.get(s) as number);
    for (let i = 0; i < kp; i++) {
      const gi = map[i] as number;
      acc.rowTotals[gi] = (acc.rowTotals[gi] as number) + (p.rowTotals[i] as number);
      for (let j = 0; j < kp; j++) {
        const gj = map[j] as number;
        acc.counts[gi * k + gj] = (acc.counts[gi * k + gj] as number) + (p.counts[i * kp + j] as number);
      }
    }
  }
  return acc;
}
