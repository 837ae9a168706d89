// Hybrid blending (a weighted linear combination, the "weighted hybrid" of Burke 2002):
//   score(i) = sum_s  w_s * x_si / max_j x_sj        over the sources s that proposed i
// Each source is normalized by its own maximum so weights are comparable whatever the source's scale
// (cosines, decayed counts, propagated scores); a source whose maximum is not positive is skipped.
// Duplicates merge: one entry per item with every contributing source and its reason, strongest first
// (contribution DESC, source name ASC). Result order: score DESC, item id ASC. O(total candidates log n).
import type { ItemId } from '../../domain/ids.ts';
import type { RankedItem, ReasonData, SourceList, SourceName } from './types.ts';

export function blendSources(lists: readonly SourceList[], weights: Readonly<Partial<Record<SourceName, number>>>): RankedItem[] {
  const acc = new Map<ItemId, { score: number; parts: { source: SourceName; value: number; reason: ReasonData }[] }>();
  for (const list of lists) {
    const w = weights[list.source] ?? 0;
    const max = list.candidates.reduce((m, c) => Math.max(m, c.score), 0);
    if (w <= 0 || !(max > 0)) continue;
    for (const c of list.candidates) {
      if (!(c.score > 0)) continue;
      const value = (w * c.score) / max;
      const entry = acc.get(c.itemId) ?? { score: 0, parts: [] };
      entry.score += value;
      entry.parts.push({ source: list.source, value, reason: c.reason });
      acc.set(c.itemId, entry);
    }
  }
  const out: RankedItem[] = [];
  for (const [itemId, e] of acc) {
    e.parts.sort((a, b) => b.value - a.value || cmp(a.source, b.source));
    out.push({ itemId, score: e.score, sources: e.parts.map((p) => p.source), reasons: e.parts.map((p) => p.reason) });
  }
  return out.sort(byScoreThenId);
}

/** A single source as a ranking: scores kept as they are (the analyst's Cypher figures). */
export function singleSource(list: SourceList): RankedItem[] {
  return list.candidates.map((c) => ({ itemId: c.itemId, score: c.score, sources: [list.source], reasons: [c.reason] }));
}

export const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function byScoreThenId(a: { score: number; itemId: string }, b: { score: number; itemId: string }): number {
  return b.score - a.score || cmp(a.itemId, b.itemId);
}
