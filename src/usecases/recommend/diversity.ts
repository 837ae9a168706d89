// Diversity re-ranking.
// MMR (Carbonell & Goldstein, SIGIR 1998), greedy: repeatedly pick
//   argmax_i  lambda * rel(i) - (1 - lambda) * max_{j selected} sim(i, j)
// with rel = score / max score and sim = Jaccard over the items' categories and tags. The reported score
// is that marginal value, which never increases from one pick to the next (each candidate's value can only
// fall as the selected set grows), so the list stays sorted. Ties: earlier (better-ranked) item first.
// O(k n) similarity evaluations for k picks out of n candidates.
// Per-category cap: walk the ranking and drop an item once any of its categories already has `max` items.
import type { ItemId } from '../../domain/ids.ts';
import type { RankedItem } from './types.ts';

export type FeaturesOf = (id: ItemId) => readonly string[];

export function jaccard(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 0;
  const sa = new Set(a);
  let inter = 0;
  const sb = new Set(b);
  for (const x of sb) if (sa.has(x)) inter++;
  return inter / (sa.size + sb.size - inter);
}

export function mmrRerank(items: readonly RankedItem[], features: FeaturesOf, lambda: number, k: number): RankedItem[] {
  const max = items.reduce((m, x) => Math.max(m, x.score), 0);
  const rel = items.map((x) => (max > 0 ? x.score / max : 0));
  const feats = items.map((x) => features(x.itemId));
  const maxSim = new Float64Array(items.length);
  const taken = new Uint8Array(items.length);
  const out: RankedItem[] = [];
  for (let pick = 0; pick < Math.min(k, items.length); pick++) {
    let best = -1;
    let bestValue = -Infinity;
    for (let i = 0; i < items.length; i++) {
      if (taken[i] === 1) continue;
      const v = lambda * rel[i]! - (1 - lambda) * maxSim[i]!;
      if (v > bestValue) {
        bestValue = v;
        best = i;
      }
    }
    taken[best] = 1;
    out.push({ ...items[best]!, score: bestValue });
    for (let i = 0; i < items.length; i++) {
      if (taken[i] === 0) maxSim[i] = Math.max(maxSim[i]!, jaccard(feats[i]!, feats[best]!));
    }
  }
  return out;
}

export function capPerCategory(items: readonly RankedItem[], categoriesOf: FeaturesOf, max: number): RankedItem[] {
  const used = new Map<string, number>();
  const out: RankedItem[] = [];
  for (const x of items) {
    const cats = categoriesOf(x.itemId);
    if (cats.some((c) => (used.get(c) ?? 0) >= max)) continue;
    for (const c of cats) used.set(c, (used.get(c) ?? 0) + 1);
    out.push(x);
  }
  return out;
}
