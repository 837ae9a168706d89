// Sizes and shape parameters of the social review shop generator (./social-shop.ts), with named presets.
// `ciao` is about the size of the Ciao/Epinions-like shop issue 10 names (7k users, 90k items, ratings and
// trust edges); `tiny` is for tests and the README's round trip.
import { invalidInput } from '../../domain/errors.ts';

export interface SocialShopOptions {
  readonly seed: number;
  readonly users: number;
  readonly items: number;
  /** Top-level categories; each has `subtags` tags, an item carries one (its niche) and maybe a second. */
  readonly categories: number;
  readonly subtags: number;
  /** Taste communities: users of one community share category and niche preferences, and trust each other more. */
  readonly communities: number;
  /** Ratings per user ~ lognormal(ln(median), sigma), at least 1, at most maxRatings: most users rate few items. */
  readonly medianRatings: number;
  readonly ratingsSigma: number;
  readonly maxRatings: number;
  /** Trust out-degree ~ lognormal(ln(median), 1) for the users who trust anyone at all (1 - noTrustShare of them). */
  readonly medianTrust: number;
  readonly noTrustShare: number;
  /** Share of a trust edge's targets taken inside the truster's own community (homophily). */
  readonly trustHomophily: number;
  /** Share of a trusting user's ratings copied from the items their trustees rated (social influence). */
  readonly socialShare: number;
  /** First day of the log (UTC) and its length in days. */
  readonly start: string;
  readonly days: number;
}

export const SOCIAL_SHOP_PRESETS = {
  tiny: {
    seed: 7, users: 60, items: 300, categories: 4, subtags: 4, communities: 4, medianRatings: 5, ratingsSigma: 0.8, maxRatings: 40,
    medianTrust: 3, noTrustShare: 0.2, trustHomophily: 0.8, socialShare: 0.3, start: '2012-01-01', days: 365,
  },
  ciao: {
    seed: 42, users: 7000, items: 90_000, categories: 28, subtags: 8, communities: 40, medianRatings: 8, ratingsSigma: 1.4, maxRatings: 1500,
    medianTrust: 8, noTrustShare: 0.3, trustHomophily: 0.8, socialShare: 0.3, start: '2010-01-01', days: 730,
  },
} as const satisfies Record<string, SocialShopOptions>;

export type SocialShopPreset = keyof typeof SOCIAL_SHOP_PRESETS;

export function socialShopPreset(name: string, overrides: Partial<SocialShopOptions> = {}): SocialShopOptions {
  if (!(name in SOCIAL_SHOP_PRESETS)) throw invalidInput(`unknown social-shop preset '${name}' (one of ${Object.keys(SOCIAL_SHOP_PRESETS).join(', ')})`);
  const o = { ...SOCIAL_SHOP_PRESETS[name as SocialShopPreset], ...overrides };
  for (const k of ['users', 'items', 'categories', 'subtags', 'communities', 'medianRatings', 'maxRatings', 'days'] as const) {
    if (!Number.isInteger(o[k]) || o[k] < 1) throw invalidInput(`social-shop ${k} must be a positive integer, got ${o[k]}`);
  }
  if (Number.isNaN(Date.parse(`${o.start}T00:00:00Z`))) throw invalidInput(`social-shop start must be a date (YYYY-MM-DD), got '${o.start}'`);
  return o;
}
