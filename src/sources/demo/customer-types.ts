import type { ResolvedDemoOptions } from './demo-options.ts';
import { STREAM, rngFor } from './prng.ts';

/**
 * The planted customer types a segmentation should recover:
 * - loyal: regular repeat purchases spread evenly over the whole period, average prices, most carts bought;
 * - bargain: many views, cheap categories and the cheaper items in them, most carts abandoned, weekends;
 * - churner: active from the start until a personal churn day, then never again;
 * - casual: the rest: few sessions, mostly views.
 */
export const CUSTOMER_TYPES = ['loyal', 'bargain', 'churner', 'casual'] as const;
export type CustomerType = (typeof CUSTOMER_TYPES)[number];

/** Share of users of each type (each user draws its type independently). */
export const CUSTOMER_MIX: Readonly<Record<CustomerType, number>> = { loyal: 0.25, bargain: 0.2, churner: 0.2, casual: 0.35 };

export interface CustomerProfile {
  /** Multiplies the user's share of the event budget (the median user of each type gets `activity` shares). */
  readonly activity: number;
  /** Sigma of the user's log-normal activity weight around `activity`: spread inside the type. */
  readonly activitySigma: number;
  /** Sessions stratified over the active period (one per equal slice of its intensity) instead of independent. */
  readonly regular: boolean;
  /** Multiplies the shop-wide Saturday and Sunday factors. */
  readonly weekendBoost: number;
  /** Relative weight of each hour of the day (0-23) for a session start. */
  readonly hourOfDay: readonly number[];
  /** Purchases are of 1..maxQuantity units, uniformly. */
  readonly maxQuantity: number;
  /** Prefers cheap categories (weight median price / category price) and items under the category median. */
  readonly cheap: boolean;
}

/** 24 hourly weights: a floor plus Gaussian bumps (sigma 2 h, wrapping at midnight) at the given hours. */
function hours(...peaks: number[]): readonly number[] {
  return Array.from({ length: 24 }, (_, h) =>
    peaks.reduce((w, p) => {
      const d = Math.min(Math.abs(h - p), 24 - Math.abs(h - p));
      return w + Math.exp(-(d * d) / 8);
    }, 0.05),
  );
}

export const CUSTOMER_PROFILES: Readonly<Record<CustomerType, CustomerProfile>> = {
  loyal: { activity: 3, activitySigma: 0.4, regular: true, weekendBoost: 1, hourOfDay: hours(8, 20), maxQuantity: 3, cheap: false },
  bargain: { activity: 2, activitySigma: 0.6, regular: false, weekendBoost: 4, hourOfDay: hours(13, 23), maxQuantity: 1, cheap: true },
  churner: { activity: 1.2, activitySigma: 0.7, regular: false, weekendBoost: 1, hourOfDay: hours(11, 18), maxQuantity: 2, cheap: false },
  casual: { activity: 0.35, activitySigma: 0.8, regular: false, weekendBoost: 1, hourOfDay: hours(15), maxQuantity: 2, cheap: false },
};

/** A churner's last active day is drawn uniformly from this fraction of the period (never before day 1). */
const CHURN_RANGE = [0.2, 0.6] as const;

export interface Customer {
  readonly type: CustomerType;
  /** Days from the period start during which the user is active: the whole period, or up to the churn day. */
  readonly activeDays: number;
}

/** User u's planted type, from its own stream: the same for a seed whatever the other options. */
export function customerOf(o: ResolvedDemoOptions, u: number): Customer {
  const rng = rngFor(o.seed, STREAM.customer, u);
  const days = o.weeks * 7;
  let x = rng.next();
  let type: CustomerType = 'casual';
  for (const t of CUSTOMER_TYPES) {
    x -= CUSTOMER_MIX[t];
    if (x < 0) {
      type = t;
      break;
    }
  }
  const [lo, hi] = CHURN_RANGE;
  const activeDays = type === 'churner' ? Math.max(1, Math.floor(days * (lo + (hi - lo) * rng.next()))) : days;
  return { type, activeDays };
}
