// "Hot" items: demand rising against the item's own past, not raw popularity. For each item, recent events over
// the last `windowDays` are compared with the count expected from its baseline (the `baselineDays` before):
//   rate_i     = (baseline_i + priorDays * mu) / (baselineDays + priorDays)       smoothed daily rate
//   expected_i = rate_i * windowDays
//   score_i    = (recent_i - expected_i) / sqrt(expected_i)                      Poisson z-score
// mu is the mean daily baseline rate over the given items, sum(baseline) / (items * baselineDays); with no
// baseline event at all, the mean daily recent rate. The smoothing is the posterior mean of a Poisson rate under
// a Gamma(priorDays * mu, priorDays) prior: `priorDays` days of shop-average demand are added to every item's
// history, so an item with 0 baseline sales and 2 recent ones expects about mu * windowDays, not 0, and cannot
// reach an unbounded z. priorDays > 0 keeps every expectation, hence every score, finite.
// Only score > 0 and recent >= minRecent are returned; order: score desc, then itemId asc (code units), then
// the first `first`. O(n log n).
import { invalidInput } from '../../domain/errors.ts';

export interface ItemCounts {
  readonly itemId: string;
  /** Events in the recent window. */
  readonly recent: number;
  /** Events in the baseline period before it. */
  readonly baseline: number;
}

export interface HotItemsOptions {
  readonly windowDays: number;
  readonly baselineDays: number;
  /** Pseudo-days of shop-average demand added to each item's baseline (default 7). */
  readonly priorDays?: number;
  /** Minimum recent events for an item to be listed (default 1). */
  readonly minRecent?: number;
}

export interface HotItem {
  readonly itemId: string;
  readonly score: number;
  readonly recentCount: number;
  readonly baselineCount: number;
  readonly expectedRecent: number;
  /** recentCount / expectedRecent. */
  readonly ratio: number;
}

export const DEFAULT_PRIOR_DAYS = 7;

export function hotItems(counts: readonly ItemCounts[], opts: HotItemsOptions, first: number): HotItem[] {
  const { windowDays, baselineDays, priorDays = DEFAULT_PRIOR_DAYS, minRecent = 1 } = opts;
  for (const [name, v] of [['windowDays', windowDays], ['baselineDays', baselineDays], ['priorDays', priorDays]] as const) {
    if (!(v > 0) || !Number.isFinite(v)) throw invalidInput(`${name} must be a positive number`, { [name]: v });
  }
  if (!(minRecent >= 0) || !Number.isFinite(minRecent)) throw invalidInput('minRecent must be a non-negative number', { minRecent });
  if (!Number.isInteger(first) || first < 0) throw invalidInput('first must be a non-negative integer', { first });
  const seen = new Set<string>();
  let baselineTotal = 0;
  let recentTotal = 0;
  for (const c of counts) {
    if (!isCount(c.recent) || !isCount(c.baseline)) throw invalidInput('counts must be non-negative integers', { itemId: c.itemId });
    if (seen.has(c.itemId)) throw invalidInput('each item may appear once', { itemId: c.itemId });
    seen.add(c.itemId);
    baselineTotal += c.baseline;
    recentTotal += c.recent;
  }
  if (counts.length === 0 || first === 0) return [];
  const mu = baselineTotal > 0 ? baselineTotal / (counts.length * baselineDays) : recentTotal / (counts.length * windowDays);

  const out: HotItem[] = [];
  for (const c of counts) {
    if (c.recent < minRecent) continue;
    const expected = ((c.baseline + priorDays * mu) / (baselineDays + priorDays)) * windowDays;
    if (!(expected > 0)) continue; // only when nothing happened anywhere: no item is rising
    const score = (c.recent - expected) / Math.sqrt(expected);
    if (score > 0) {
      out.push({ itemId: c.itemId, score, recentCount: c.recent, baselineCount: c.baseline, expectedRecent: expected, ratio: c.recent / expected });
    }
  }
  out.sort((a, b) => b.score - a.score || (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0));
  return out.slice(0, first);
}

const isCount = (v: number): boolean => Number.isInteger(v) && v >= 0;
