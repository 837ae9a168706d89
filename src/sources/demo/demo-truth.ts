import { invalidInput } from '../../domain/errors.ts';
import type { CategoryId, UserId } from '../../domain/ids.ts';
import { DAY_MS, DAY_OF_WEEK_FACTOR, buildTrends, dayWeights, weekdayOf } from './calendar.ts';
import { buildCatalog } from './catalog.ts';
import { CategoryPicker } from './category-picker.ts';
import { ChainWalker } from './chain-walker.ts';
import { CUSTOMER_CHAINS, expectedVisits, mixChains } from './customer-chains.ts';
import { CUSTOMER_PROFILES, CUSTOMER_TYPES, type CustomerType } from './customer-types.ts';
import { type DemoOptions, resolveDemoOptions } from './demo-options.ts';
import { CHAIN_STATES, type Chain, type ChainState, compileChain } from './planted-chain.ts';
import { buildPopulation } from './population.ts';
import { STREAM, rngFor } from './prng.ts';

/**
 * What the demo generator planted, computed from its parameters and seeded streams without generating a
 * single event, so analytics (segmentation, churn, seasonality, Markov estimates) can be scored against it.
 * Users and categories are given as 0-based indexes or as their ids ('u17', 'c3').
 *
 * How many sessions each user has depends on the lengths of the sessions before (the run stops at eventsTarget
 * and never cuts a session, so a long session of one user shortens the next user's share). So the truth replays
 * the generator's first pass (ChainWalker: session lengths only, no items, times or records; about a tenth of
 * the generation time) to know each user's session count exactly. Expectations are then over the rest of the
 * generator's randomness: which day each session falls on (the type's day intensity over the user's active
 * days), which category each item pick lands in (CategoryPicker.probabilities), and the visits per session
 * to each state (expectedVisits of the type's chain).
 */
export interface DemoTruth {
  /** Days in the period (weeks * 7); day d runs from periodStart + d days to periodStart + d + 1 days. */
  readonly days: number;
  readonly periodStart: number;
  /** Epoch ms: every event is before it. */
  readonly periodEnd: number;
  /** Shop-wide activity factor of each weekday, Monday first (bargain hunters multiply the weekend further). */
  readonly dayOfWeekFactor: readonly number[];
  /** The chain pooled, sessionised transition counts of the whole shop estimate (a mixture of CUSTOMER_CHAINS). */
  readonly chain: Chain;
  /** Number of sessions of each customer type in the run. */
  readonly sessions: Readonly<Record<CustomerType, number>>;
  /** Monday-first weekday (0 = Monday, 6 = Sunday) of day d. */
  weekday(day: number): number;
  customerType(user: number | UserId): CustomerType;
  /** Epoch ms at which a churner stops (no event at or after it); null for the other types. */
  churnTs(user: number | UserId): number | null;
  /** Category popularity multiplier at the period's start and end, linear in between (day d: its midpoint's value; mean 1). */
  categoryTrend(category: number | CategoryId): { readonly start: number; readonly end: number };
  /** Expected sessions starting on day d, over all users. */
  expectedDailySessions(day: number): number;
  /** Expected events of `type` on items of the category on day d (by session start day). */
  expectedDailyEvents(category: number | CategoryId, day: number, type: ChainState): number;
  expectedDailyPurchases(category: number | CategoryId, day: number): number;
}

export function demoTruth(options: DemoOptions): DemoTruth {
  const o = resolveDemoOptions(options);
  const days = o.weeks * 7;
  const population = buildPopulation(o);
  const trends = buildTrends(o);
  const typeOf = (u: number): CustomerType => CUSTOMER_TYPES[population.type[u] ?? 0] ?? 'casual';
  const userIndex = (user: number | UserId): number => {
    const u = typeof user === 'number' ? user : /^u\d+$/.test(user) ? Number(user.slice(1)) - 1 : -1;
    if (!Number.isInteger(u) || u < 0 || u >= o.users) throw invalidInput(`No demo user ${String(user)}`, { user });
    return u;
  };
  const categoryIndex = (category: number | CategoryId): number => {
    const c = typeof category === 'number' ? category : /^c\d+$/.test(category) ? Number(category.slice(1)) - 1 : -1;
    if (!Number.isInteger(c) || c < 0 || c >= o.categories) throw invalidInput(`No demo category ${String(category)}`, { category });
    return c;
  };
  const dayIndex = (day: number): number => {
    if (!Number.isInteger(day) || day < 0 || day >= days) throw invalidInput(`Day ${day} is outside the ${days}-day period`, { day });
    return day;
  };

  // sessions[t][k * days + d]: expected sessions of type t's users of community k starting on day d.
  const sessions = CUSTOMER_TYPES.map(() => new Float64Array(o.communities * days));
  const chains = CUSTOMER_TYPES.map((t) => compileChain(CUSTOMER_CHAINS[t]));
  const walker = new ChainWalker();
  let emitted = 0;
  const weights = CUSTOMER_TYPES.map((t) => dayWeights(o, CUSTOMER_PROFILES[t].weekendBoost));
  const perType = { loyal: 0, bargain: 0, churner: 0, casual: 0 };
  for (let u = 0; u < o.users; u++) {
    const t = population.type[u] ?? 0;
    const n = walker.walk(chains[t] ?? [], emitted, population.budgetEnd[u] ?? 0, rngFor(o.seed, STREAM.events, u));
    emitted += walker.firstEvent[n] ?? 0;
    perType[typeOf(u)] += n;
    const w = weights[t] ?? new Float64Array(days);
    const active = Math.min(days, population.activeDays[u] ?? days);
    let total = 0;
    for (let d = 0; d < active; d++) total += w[d] ?? 0;
    const row = sessions[t] ?? new Float64Array(0);
    const base = (population.community[u] ?? 0) * days;
    if (n > 0) for (let d = 0; d < active; d++) row[base + d] = (row[base + d] ?? 0) + (n * (w[d] ?? 0)) / total;
  }
  const daily = Float64Array.from({ length: days }, (_, d) =>
    sessions.reduce((s, row) => {
      for (let k = 0; k < o.communities; k++) s += row[k * days + d] ?? 0;
      return s;
    }, 0),
  );

  // Lazily: byCategory[t][c * days + d] = expected item picks' share of type t's sessions, i.e. sessions
  // weighted by P(category c | community, day); times the expected visits to a state gives its events.
  let byCategory: Float64Array[] | undefined;
  const categorySessions = (): Float64Array[] => {
    if (byCategory !== undefined) return byCategory;
    const picker = new CategoryPicker(o, buildCatalog(o), population, trends);
    const out = CUSTOMER_TYPES.map(() => new Float64Array(o.categories * days));
    // P(c | community k, day d) = loyalty * preferredShare + (1 - loyalty) * anyShare, and only the first part
    // depends on k: the second is applied once per type and day to the type's sessions summed over communities.
    const C = o.categories;
    CUSTOMER_TYPES.forEach((t, i) => {
      const group = CUSTOMER_PROFILES[t].cheap ? 1 : 0;
      const table = sessions[i] ?? new Float64Array(0);
      const target = out[i] ?? new Float64Array(0);
      for (let d = 0; d < days; d++) {
        let all = 0;
        for (let k = 0; k < o.communities; k++) {
          const n = table[k * days + d] ?? 0;
          if (n === 0) continue;
          all += n;
          const preferred = population.preferred[k] ?? new Uint32Array();
          picker.preferredShare(group, k, d).forEach((share, j) => {
            const c = preferred[j] ?? 0;
            target[c * days + d] = (target[c * days + d] ?? 0) + n * picker.loyalty * share;
          });
        }
        const any = picker.anyShare(group, d);
        for (let c = 0; c < C; c++) target[c * days + d] = (target[c * days + d] ?? 0) + all * (1 - picker.loyalty) * (any[c] ?? 0);
      }
    });
    byCategory = out;
    return out;
  };
  const visits = CUSTOMER_TYPES.map((t) => expectedVisits(CUSTOMER_CHAINS[t]));

  const expectedDailyEvents = (category: number | CategoryId, day: number, type: ChainState): number => {
    const c = categoryIndex(category);
    const d = dayIndex(day);
    const s = CHAIN_STATES.indexOf(type);
    return categorySessions().reduce((sum, table, t) => sum + (visits[t]?.[s] ?? 0) * (table[c * days + d] ?? 0), 0);
  };

  return {
    days,
    periodStart: o.startTs,
    periodEnd: o.startTs + days * DAY_MS,
    dayOfWeekFactor: DAY_OF_WEEK_FACTOR,
    chain: mixChains(perType),
    sessions: perType,
    weekday: (day) => weekdayOf(o.startTs, dayIndex(day)),
    customerType: (user) => typeOf(userIndex(user)),
    churnTs: (user) => {
      const u = userIndex(user);
      return typeOf(u) === 'churner' ? o.startTs + (population.activeDays[u] ?? days) * DAY_MS : null;
    },
    categoryTrend: (category) => {
      const c = categoryIndex(category);
      return { start: trends.start[c] ?? 1, end: trends.end[c] ?? 1 };
    },
    expectedDailySessions: (day) => daily[dayIndex(day)] ?? 0,
    expectedDailyEvents,
    expectedDailyPurchases: (category, day) => expectedDailyEvents(category, day, 'purchase'),
  };
}
