// The social shop's reviewers: taste communities (each favours three categories and one niche per category),
// users in communities of uneven size, each with a personal category and niche, a heavy-tailed number of
// ratings (lognormal: most rate a handful, a few rate hundreds) and the day they joined.
import type { Rng } from '../demo/prng.ts';
import { cumulative, pickCumulative } from './catalogue.ts';
import type { SocialShopOptions } from './social-shop-options.ts';

export interface Community {
  /** Cumulative weights over its three favoured categories (cats). */
  readonly cats: Int32Array;
  readonly catCum: Float64Array;
  /** The favoured niche per category. */
  readonly niche: Int32Array;
}

export interface Reviewer {
  readonly community: number;
  readonly personalCategory: number;
  /** The user's own favoured niche per category. */
  readonly niche: Int32Array;
  readonly ratings: number;
  /** Seconds after the start of the log. */
  readonly joined: number;
}

export function buildPopulation(o: SocialShopOptions, rng: Rng): { communities: Community[]; users: Reviewer[] } {
  const communities: Community[] = Array.from({ length: o.communities }, () => {
    const cats = new Set<number>();
    while (cats.size < Math.min(3, o.categories)) cats.add(rng.int(o.categories));
    return {
      cats: Int32Array.from(cats),
      catCum: cumulative([...cats].map(() => 0.2 + rng.next())),
      niche: Int32Array.from({ length: o.categories }, () => rng.int(o.subtags)),
    };
  });
  // Community sizes ~ 1 / (rank + 2): a few large circles, many small ones.
  const sizeCum = cumulative(communities.map((_, k) => 1 / (k + 2)));
  const span = o.days * 86_400;
  const users: Reviewer[] = Array.from({ length: o.users }, () => ({
    community: pickCumulative(sizeCum, rng.next()),
    personalCategory: rng.int(o.categories),
    niche: Int32Array.from({ length: o.categories }, () => rng.int(o.subtags)),
    ratings: Math.max(1, Math.min(o.maxRatings, Math.round(Math.exp(Math.log(o.medianRatings) + o.ratingsSigma * rng.normal())))),
    joined: Math.floor(rng.next() * 0.85 * span),
  }));
  return { communities, users };
}

/** A category as user u picks one: the community's favourites 75 %, the personal one 20 %, any 5 %. */
export function pickCategory(u: Reviewer, c: Community, nCategories: number, rng: Rng): number {
  const r = rng.next();
  if (r < 0.75) return c.cats[pickCumulative(c.catCum, rng.next())]!;
  return r < 0.95 ? u.personalCategory : rng.int(nCategories);
}

/** A niche in category cat: the community's 55 %, the user's own 25 %, any 20 %. */
export function pickNiche(u: Reviewer, c: Community, cat: number, nSubtags: number, rng: Rng): number {
  const r = rng.next();
  return r < 0.55 ? c.niche[cat]! : r < 0.8 ? u.niche[cat]! : rng.int(nSubtags);
}

/** Whether the item's niche is one the user favours (own or community): those get better ratings. */
export function likesNiche(u: Reviewer, c: Community, cat: number, niche: number): boolean {
  return niche === c.niche[cat] || niche === u.niche[cat];
}
