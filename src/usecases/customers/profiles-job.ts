// The profiles run behind `grec features` (and the demo start): reads every user's events in batches,
// computes behaviour, interest, social and value features with the pure algorithms, writes them back on
// the User nodes, then refreshes every segment's membership from what was written.
// Passes: (1) batches of users -> behaviour, interest and the repeat-purchase summary, kept in memory
// (a few hundred bytes per user); (2) fit BG/NBD and Gamma-Gamma on all summaries, score RFM quintiles
// over all buyers, write in batches; (3) segments (SegmentService.refreshAll reads the stored profiles,
// the same path defineSegment uses). Users who refused analytics get their derived features cleared.
import { behaviourFeatures } from '../../algorithms/profile/behaviour-features.ts';
import { interestProfile } from '../../algorithms/profile/interest-profile.ts';
import { countersFrom } from '../../algorithms/profile/profile-counters.ts';
import { summarise, type CustomerSummary } from '../../algorithms/clv/customer-summary.ts';
import { fitBgNbd, pAlive, expectedPurchases, type BgNbdParams } from '../../algorithms/clv/bg-nbd.ts';
import { fitGammaGamma, expectedAverageValue, type GammaGammaParams } from '../../algorithms/clv/gamma-gamma.ts';
import { customerLifetimeValue } from '../../algorithms/clv/clv.ts';
import { rfmScores, rfmSegment } from '../../algorithms/segments/rfm-segments.ts';
import type { ComputedFeatures, ProfileCounters } from '../../domain/profile.ts';
import type { ItemFacets, ProfileInput, ProfileStore, ProfileWrite } from '../../storage/profile-store.ts';
import { influenceByUser } from './influence.ts';

const DAY_MS = 86_400_000;
/** BG/NBD works in weeks here, as in the paper (Fader, Hardie & Lee 2005), whatever the horizon. */
const UNIT_DAYS = 7;
/** Fewer buyers than this give no stable fit: the value features stay null (said in the report). */
export const MIN_VALUE_MODEL_BUYERS = 20;
/** Fewer repeat buyers than this: no Gamma-Gamma fit; CLV and expected order value stay null. */
export const MIN_SPEND_MODEL_REPEATERS = 10;

export interface ProfilesJobOptions {
  /** Users per read and write batch. */
  readonly batchSize: number;
  /** A gap longer than this starts a new session (the analytics' default: 30). */
  readonly sessionGapMinutes: number;
  /** Interest affinities halve every this many days before the reference time. */
  readonly interestHalfLifeDays: number;
  /** Categories and tags kept per profile. */
  readonly topInterests: number;
  /** CLV horizon. */
  readonly clvHorizonDays: number;
  /** Monthly discount rate of CLV (0.01 = 1 % a month). */
  readonly discountRatePerMonth: number;
  /** Reference time; default the latest event in the graph (historic data sets read as if today were their last day). */
  readonly asOf?: number;
  readonly now: () => number;
  readonly onProgress?: (usersDone: number) => void;
}

export const DEFAULT_PROFILES_OPTIONS: Omit<ProfilesJobOptions, 'now'> = {
  batchSize: 1000, sessionGapMinutes: 30, interestHalfLifeDays: 30, topInterests: 5, clvHorizonDays: 365, discountRatePerMonth: 0.01,
};

export interface ValueModelReport {
  readonly buyers: number;
  readonly repeatBuyers: number;
  readonly bgNbd: (BgNbdParams & { readonly logLikelihood: number }) | null;
  readonly gammaGamma: (GammaGammaParams & { readonly logLikelihood: number }) | null;
}

export interface ProfilesReport {
  readonly users: number;
  readonly profiled: number;
  /** Users who refused analytics: derived features cleared. */
  readonly cleared: number;
  readonly asOf: number;
  readonly valueModel: ValueModelReport;
  readonly durationMs: number;
}

interface Pending {
  readonly userId: string;
  readonly counters: ProfileCounters;
  readonly partial: Omit<ComputedFeatures, 'influence' | 'pAlive' | 'expectedPurchases90d' | 'expectedAverageValue' | 'clv' | 'rfm' | 'computedAt' | 'asOf'> | null;
  readonly summary: CustomerSummary | undefined;
}

export async function runProfiles(store: ProfileStore, opts: ProfilesJobOptions): Promise<ProfilesReport> {
  const t0 = opts.now();
  const asOf = opts.asOf ?? (await store.lastEventTs()) ?? opts.now();
  const facets = await store.itemFacets();
  const links = await store.socialLinks();
  const price = (itemId: string): number | undefined => facets.get(itemId)?.price;

  const pending: Pending[] = [];
  let after = '';
  for (;;) {
    const batch = await store.inputs(after, opts.batchSize);
    if (batch.length === 0) break;
    for (const input of batch) pending.push(profileOf(input, facets, price, asOf, opts));
    after = batch[batch.length - 1]!.userId;
    opts.onProgress?.(pending.length);
  }

  const influence = influenceByUser(pending.map((p) => p.userId), links);
  const { model, score } = fitValueModel(pending, opts);
  const rfm = rfmScores(pending.filter((p) => p.partial !== null).map((p) => ({
    userId: p.userId,
    recencyDays: p.counters.lastPurchaseTs === null ? null : Math.max(0, asOf - p.counters.lastPurchaseTs) / DAY_MS,
    frequency: p.counters.purchases,
    monetary: p.counters.monetary,
  })));
  const computedAt = opts.now();
  for (let k = 0; k < pending.length; k += opts.batchSize) {
    const writes: ProfileWrite[] = pending.slice(k, k + opts.batchSize).map((p) => {
      if (p.partial === null) return { userId: p.userId, counters: p.counters, computed: CLEARED };
      const s = rfm.get(p.userId);
      return {
        userId: p.userId,
        counters: p.counters,
        computed: { ...p.partial, influence: influence.get(p.userId) ?? null, ...score(p.summary), rfm: s === undefined ? null : { ...s, segment: rfmSegment(s) }, computedAt, asOf },
      };
    });
    await store.write(writes);
  }
  const profiled = pending.filter((p) => p.partial !== null).length;
  return { users: pending.length, profiled, cleared: pending.length - profiled, asOf, valueModel: model, durationMs: opts.now() - t0 };
}

const CLEARED: ComputedFeatures = {
  sessions: null, meanSessionMinutes: null, favouriteHour: null, favouriteWeekday: null, weekendShare: null,
  topCategories: [], topTags: [], influence: null, pAlive: null, expectedPurchases90d: null, expectedAverageValue: null,
  clv: null, rfm: null, computedAt: null, asOf: null,
};

function profileOf(
  input: ProfileInput, facets: ReadonlyMap<string, ItemFacets>, price: (itemId: string) => number | undefined,
  asOf: number, opts: ProfilesJobOptions,
): Pending {
  // Counters are recomputed from the events for everyone: they are a cache of the event log (like the
  // INTERACTED aggregate), and a recompute repairs any drift.
  const counters = toDomainCounters(countersFrom(input.events, price));
  if (!input.profiled) return { userId: input.userId, counters, partial: null, summary: undefined };
  const b = behaviourFeatures(input.events, price, { now: asOf, sessionGapMinutes: opts.sessionGapMinutes });
  const interest = interestProfile(input.events, (id) => facets.get(id), { now: asOf, halfLifeDays: opts.interestHalfLifeDays, top: opts.topInterests });
  const purchases = input.events.filter((e) => e.type === 'purchase' && e.ts <= asOf).map((e) => ({ ts: e.ts, value: e.value ?? price(e.itemId) ?? 0 }));
  return {
    userId: input.userId,
    counters,
    partial: {
      sessions: b.sessions, meanSessionMinutes: b.meanSessionMinutes, favouriteHour: b.favouriteHour,
      favouriteWeekday: b.favouriteWeekday, weekendShare: b.weekendShare,
      topCategories: interest.categories.map((a) => ({ id: a.id, score: a.score })),
      topTags: interest.tags.map((a) => ({ id: a.id, score: a.score })),
    },
    summary: summarise(purchases, asOf, UNIT_DAYS),
  };
}

/** Fits the repeat-purchase (BG/NBD) and spend (Gamma-Gamma) models, and scores one summary with them. */
function fitValueModel(pending: readonly Pending[], opts: ProfilesJobOptions): {
  model: ValueModelReport;
  score: (s: CustomerSummary | undefined) => Pick<ComputedFeatures, 'pAlive' | 'expectedPurchases90d' | 'expectedAverageValue' | 'clv'>;
} {
  const summaries = pending.flatMap((p) => (p.partial !== null && p.summary !== undefined ? [p.summary] : []));
  const repeaters = summaries.filter((s) => s.x >= 1 && s.monetary > 0);
  const none = { pAlive: null, expectedPurchases90d: null, expectedAverageValue: null, clv: null };
  if (summaries.length < MIN_VALUE_MODEL_BUYERS || repeaters.length === 0) {
    return { model: { buyers: summaries.length, repeatBuyers: repeaters.length, bgNbd: null, gammaGamma: null }, score: () => none };
  }
  const bg = fitBgNbd(summaries);
  const gg = repeaters.length >= MIN_SPEND_MODEL_REPEATERS ? fitGammaGamma(repeaters) : null;
  return {
    model: {
      buyers: summaries.length,
      repeatBuyers: repeaters.length,
      bgNbd: { r: bg.r, alpha: bg.alpha, a: bg.a, b: bg.b, logLikelihood: bg.logLikelihood },
      gammaGamma: gg === null ? null : { p: gg.p, q: gg.q, gamma: gg.gamma, logLikelihood: gg.logLikelihood },
    },
    score: (s) => {
      if (s === undefined) return none;
      const value = gg === null ? null : expectedAverageValue(gg, s.x, s.monetary);
      return {
        pAlive: pAlive(bg, s.x, s.tx, s.T),
        expectedPurchases90d: expectedPurchases(bg, 90 / UNIT_DAYS, s.x, s.tx, s.T),
        expectedAverageValue: value,
        clv: gg === null ? null : customerLifetimeValue(bg, gg, s, {
          unitDays: UNIT_DAYS, horizonDays: opts.clvHorizonDays, periodDays: 30, discountRatePerPeriod: opts.discountRatePerMonth,
        }),
      };
    },
  };
}

function toDomainCounters(c: ReturnType<typeof countersFrom>): ProfileCounters {
  return {
    views: c.views, favourites: c.favourites, carts: c.carts, purchases: c.purchases, cancels: c.cancels, ratings: c.ratings,
    monetary: c.monetary, unpricedPurchases: c.unpricedPurchases,
    firstActivityTs: c.firstActivityTs ?? null, lastActivityTs: c.lastActivityTs ?? null, lastPurchaseTs: c.lastPurchaseTs ?? null,
  };
}
