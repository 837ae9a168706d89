// The social shop's catalogue: items in categories, each in one niche of its category (its first tag) and
// sometimes a second, with a heavy-tailed popularity (Pareto, alpha 1.1) and a hidden quality that shifts its
// ratings. Items are drawn per (category, niche) cell in proportion to popularity, so a few items per cell get
// most ratings and many get none: the long tail of a review site.
import type { Rng } from '../demo/prng.ts';
import type { SocialShopOptions } from './social-shop-options.ts';

export interface ShopItem {
  readonly category: number;
  readonly niche: number;
  /** A second niche tag of the same category, or -1. */
  readonly second: number;
  readonly quality: number;
  readonly price: number;
}

export interface Catalogue {
  readonly items: readonly ShopItem[];
  /** Per cell (category * subtags + niche): its items and their cumulative popularity. */
  readonly cells: readonly { readonly items: Int32Array; readonly cum: Float64Array }[];
}

export function buildCatalogue(o: SocialShopOptions, rng: Rng): Catalogue {
  // Category sizes fall off gently (weight (c + 1)^-0.6): a few big departments, many small ones.
  const catCum = cumulative(Array.from({ length: o.categories }, (_, c) => (c + 1) ** -0.6));
  const items: ShopItem[] = [];
  const popularity: number[] = [];
  const cellItems: number[][] = Array.from({ length: o.categories * o.subtags }, () => []);
  for (let i = 0; i < o.items; i++) {
    const category = pickCumulative(catCum, rng.next());
    const niche = rng.int(o.subtags);
    const other = o.subtags > 1 && rng.chance(0.4) ? (niche + 1 + rng.int(o.subtags - 1)) % o.subtags : -1;
    items.push({ category, niche, second: other, quality: 0.5 * rng.normal(), price: Math.round(Math.exp(3 + 0.8 * rng.normal()) * 100) / 100 });
    popularity.push((1 - rng.next()) ** (-1 / 1.1));
    cellItems[category * o.subtags + niche]!.push(i);
  }
  const cells = cellItems.map((list) => ({ items: Int32Array.from(list), cum: cumulative(list.map((i) => popularity[i]!)) }));
  return { items, cells };
}

/** Running sums of the weights. */
export function cumulative(weights: readonly number[]): Float64Array {
  const cum = new Float64Array(weights.length);
  let s = 0;
  weights.forEach((w, k) => (cum[k] = s += w));
  return cum;
}

/** The index k with cum[k - 1] <= u * total < cum[k] (binary search); -1 for an empty list. */
export function pickCumulative(cum: Float64Array, u: number): number {
  if (cum.length === 0) return -1;
  const x = u * cum[cum.length - 1]!;
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid]! > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
