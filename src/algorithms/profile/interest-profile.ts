// A user's interest in categories and tags: time-decayed event weights summed per facet, as shares.
//   w(e)       = eventWeight(type, value) * exp(-ln2 * age / halfLife),   age = max(0, now - ts)
//   W(f)       = max(0, sum over events e on an item in facet f of w(e))
//   score(f)   = W(f) / sum_g W(g)        (0 for every facet when no facet has a positive sum)
// The event weights are the recommender's (`domain/interaction-weights.ts`) and the decay is its recency decay
// (`recs/recency-decay.ts`), so "interest" here means what the recommender would weigh.
// An item in k categories gives each of them the full weight, not 1/k: the user's interest in each facet is
// real (buying a hiking boot is interest in both Shoes and Outdoor), and splitting would make the figure depend
// on how finely the catalogue is tagged. Scores stay shares of the facet total because of the normalisation.
// A facet listed twice on one item counts once. Items the lookup does not know contribute nothing.
// Ranked by score desc, then id asc (code-unit order), then cut to `top`. O(E * F + K log K) for E events,
// F facets per item, K distinct facets.
import { eventWeight } from '../../domain/interaction-weights.ts';
import { invalidInput } from '../../domain/errors.ts';
import { recencyDecay } from '../recs/recency-decay.ts';
import { DAY_MS, checkEvent, checkNow, type ProfileEvent } from './profile-event.ts';

export interface ItemFacets {
  readonly categoryIds: readonly string[];
  readonly tagIds: readonly string[];
}

export interface InterestScore {
  readonly id: string;
  /** Share of the user's positive facet weight, in [0, 1]; the scores of all facets sum to 1 before the top cut. */
  readonly score: number;
  /** The decayed weight sum W(f), clamped at 0 (a facet bought and then cancelled is 0, not negative). */
  readonly weight: number;
}

export interface InterestProfile {
  readonly categories: InterestScore[];
  readonly tags: InterestScore[];
}

export interface InterestOptions {
  /**
   * Reference time, epoch ms. For a historic data set pass its last event time, not the wall clock, or every
   * event would be years old and decay alike. Events after `now` count with age 0 (weight undecayed).
   */
  readonly now: number;
  /** Half-life of the decay in days: an event this old counts half. > 0; Infinity = no decay. */
  readonly halfLifeDays: number;
  /** Number of categories and of tags to keep (each list separately). Integer >= 0. */
  readonly top: number;
}

export function interestProfile(
  events: readonly ProfileEvent[],
  itemFacets: (itemId: string) => ItemFacets | undefined,
  opts: InterestOptions,
): InterestProfile {
  checkNow(opts.now);
  if (!(opts.halfLifeDays > 0)) throw invalidInput('halfLifeDays must be a positive number', { halfLifeDays: opts.halfLifeDays });
  if (!(Number.isInteger(opts.top) && opts.top >= 0)) throw invalidInput('top must be an integer >= 0', { top: opts.top });

  const halfLifeMs = opts.halfLifeDays * DAY_MS;
  const categories = new Map<string, number>();
  const tags = new Map<string, number>();
  for (const e of events) {
    checkEvent(e);
    const facets = itemFacets(e.itemId);
    if (facets === undefined) continue;
    const w = eventWeight(e.type, e.value) * recencyDecay(Math.max(0, opts.now - e.ts), halfLifeMs);
    for (const id of new Set(facets.categoryIds)) categories.set(id, (categories.get(id) ?? 0) + w);
    for (const id of new Set(facets.tagIds)) tags.set(id, (tags.get(id) ?? 0) + w);
  }
  return { categories: rankShares(categories, opts.top), tags: rankShares(tags, opts.top) };
}

function rankShares(sums: ReadonlyMap<string, number>, top: number): InterestScore[] {
  const clamped = [...sums].map(([id, w]) => ({ id, weight: Math.max(0, w) }));
  const total = clamped.reduce((s, x) => s + x.weight, 0);
  return clamped
    .map(({ id, weight }) => ({ id, weight, score: total > 0 ? weight / total : 0 }))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, top);
}
