import { type CategoryTrends, searchCumulative, trendAt } from './calendar.ts';
import type { Catalog } from './catalog.ts';
import type { ResolvedDemoOptions } from './demo-options.ts';
import type { Population } from './population.ts';
import type { Rng } from './prng.ts';

/** Bargain hunters weight category c by (median base price / base price of c)^CHEAP_TILT. */
const CHEAP_TILT = 2;

/**
 * Which category a browsing user looks at on day d. With probability categoryLoyalty one of the community's
 * preferred categories, else any category; inside either set category c has weight tilt(c) * trend(c, d), tilt
 * being 1 for most users and favouring cheap categories for bargain hunters. Keeping the loyalty split outside
 * the weights keeps P(preferred) at about categoryLoyalty + (1 - categoryLoyalty) * |preferred| / categories,
 * the social signal the recommender relies on. `probabilities` is the exact distribution `pick` samples.
 */
export class CategoryPicker {
  /** Per tilt group: category weights without the trend. */
  private readonly tilt: readonly Float64Array[];
  /** trend[d * C + c]. */
  private readonly trend: Float64Array;
  /** Per tilt group: cumulative tilt * trend over all categories, one row of C per day. */
  private readonly anyCumulative: readonly Float64Array[];
  /** Per tilt group: cumulative tilt * trend over community k's preferred categories on day d, row k * days + d. */
  private readonly preferredCumulative: readonly Float64Array[];
  private readonly categories: number;
  private readonly days: number;
  /** Preferred categories per community (the same for all communities). */
  private readonly perCommunity: number;

  constructor(
    private readonly o: ResolvedDemoOptions,
    catalog: Catalog,
    private readonly population: Population,
    trends: CategoryTrends,
  ) {
    const C = o.categories;
    this.categories = C;
    this.days = trends.days;
    const P = population.preferred[0]?.length ?? 0;
    this.perCommunity = P;
    const sorted = Float64Array.from(catalog.basePrice).sort();
    const median = sorted[(C - 1) >> 1] ?? 1;
    this.tilt = [new Float64Array(C).fill(1), Float64Array.from(catalog.basePrice, (p) => (median / p) ** CHEAP_TILT)];
    this.trend = new Float64Array(trends.days * C);
    for (let d = 0; d < trends.days; d++) for (let c = 0; c < C; c++) this.trend[d * C + c] = trendAt(trends, c, d);
    // Plain loops: these tables are filled once per run but hold communities * days rows.
    this.anyCumulative = this.tilt.map((tilt) => {
      const table = new Float64Array(trends.days * C);
      for (let d = 0; d < trends.days; d++) {
        let sum = 0;
        for (let c = 0; c < C; c++) table[d * C + c] = sum += (tilt[c] ?? 0) * (this.trend[d * C + c] ?? 1);
      }
      return table;
    });
    this.preferredCumulative = this.tilt.map((tilt) => {
      const table = new Float64Array(o.communities * trends.days * P);
      for (let k = 0; k < o.communities; k++) {
        const preferred = population.preferred[k] ?? new Uint32Array();
        for (let d = 0; d < trends.days; d++) {
          const row = (k * trends.days + d) * P;
          let sum = 0;
          for (let j = 0; j < P; j++) {
            const c = preferred[j] ?? 0;
            table[row + j] = sum += (tilt[c] ?? 0) * (this.trend[d * C + c] ?? 1);
          }
        }
      }
      return table;
    });
  }

  /** A category for a user of `community` on `day`; group 1 is the bargain hunters' cheap tilt. */
  pick(group: 0 | 1, community: number, day: number, rng: Rng): number {
    const P = this.perCommunity;
    if (rng.chance(this.o.categoryLoyalty) && P > 0) {
      const table = this.preferredCumulative[group];
      const preferred = this.population.preferred[community];
      if (table !== undefined && preferred !== undefined) {
        const base = (community * this.days + day) * P;
        const u = rng.next() * (table[base + P - 1] ?? 0);
        let j = 0;
        while (j < P - 1 && u >= (table[base + j] ?? 0)) j++;
        return preferred[j] ?? 0;
      }
    }
    const C = this.categories;
    const table = this.anyCumulative[group];
    if (table === undefined) return 0;
    const base = day * C;
    const u = rng.next() * (table[base + C - 1] ?? 0);
    return searchCumulative(table, u, base, base + C - 1) - base;
  }

  /** P(pick takes the community's preferred set): categoryLoyalty, or 0 when the shop has no preferred sets. */
  get loyalty(): number {
    return this.perCommunity > 0 ? this.o.categoryLoyalty : 0;
  }

  /** P(category c | pick takes any category) on `day`, for every c. */
  anyShare(group: 0 | 1, day: number): Float64Array {
    const C = this.categories;
    const table = this.anyCumulative[group] ?? new Float64Array(this.days * C);
    const total = table[day * C + C - 1] ?? 1;
    return Float64Array.from({ length: C }, (_, c) => ((table[day * C + c] ?? 0) - (c > 0 ? (table[day * C + c - 1] ?? 0) : 0)) / total);
  }

  /** P(preferred[j] | pick takes the community's preferred set) on `day`, aligned with population.preferred[k]. */
  preferredShare(group: 0 | 1, community: number, day: number): Float64Array {
    const P = this.perCommunity;
    const table = this.preferredCumulative[group] ?? new Float64Array(0);
    const base = (community * this.days + day) * P;
    const total = table[base + P - 1] ?? 1;
    return Float64Array.from({ length: P }, (_, j) => ((table[base + j] ?? 0) - (j > 0 ? (table[base + j - 1] ?? 0) : 0)) / total);
  }

  /** P(pick returns c) for every category c, for a user of `community` in tilt `group` on `day`. */
  probabilities(group: 0 | 1, community: number, day: number): Float64Array {
    const p = this.anyShare(group, day).map((x) => (1 - this.loyalty) * x);
    const preferred = this.population.preferred[community] ?? new Uint32Array();
    this.preferredShare(group, community, day).forEach((x, j) => {
      const c = preferred[j] ?? 0;
      p[c] = (p[c] ?? 0) + this.loyalty * x;
    });
    return p;
  }
}
