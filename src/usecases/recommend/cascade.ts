// Cold-start cascade (e.g. SOCIAL -> CONTENT -> POPULAR): take the first source's items, then fill with the
// next source's items not seen yet, and so on. To keep one score scale with scores non-increasing down the
// list, tier t of T (0-based) maps a normalized score x in (0, 1] to (T - 1 - t + x) / T: every item of an
// earlier tier outranks every item of a later one, and the result stays in (0, 1].
import type { ItemId } from '../../domain/ids.ts';
import { byScoreThenId } from './blend.ts';
import type { RankedItem, SourceList } from './types.ts';

export function cascadeSources(tiers: readonly SourceList[]): RankedItem[] {
  const seen = new Set<ItemId>();
  const out: RankedItem[] = [];
  const t = tiers.length;
  tiers.forEach((list, tier) => {
    const max = list.candidates.reduce((m, c) => Math.max(m, c.score), 0);
    if (!(max > 0)) return;
    const level: RankedItem[] = [];
    for (const c of list.candidates) {
      if (!(c.score > 0) || seen.has(c.itemId)) continue;
      seen.add(c.itemId);
      level.push({ itemId: c.itemId, score: (t - 1 - tier + c.score / max) / t, sources: [list.source], reasons: [c.reason] });
    }
    out.push(...level.sort(byScoreThenId));
  });
  return out;
}
