import { asEventId, asItemId } from '../../domain/ids.ts';
import type { IngestRecord } from '../../domain/ingest.ts';
import { DAY_MS, HOUR_MS, buildTrends, cumulative, dayWeights, searchCumulative } from './calendar.ts';
import { type Catalog, sampleCheapItem, sampleItem } from './catalog.ts';
import { CategoryPicker } from './category-picker.ts';
import { CUSTOMER_CHAINS } from './customer-chains.ts';
import { CUSTOMER_PROFILES, CUSTOMER_TYPES, type CustomerProfile } from './customer-types.ts';
import type { ResolvedDemoOptions } from './demo-options.ts';
import { ChainWalker } from './chain-walker.ts';
import { CHAIN_STATES, compileChain } from './planted-chain.ts';
import type { Population } from './population.ts';
import { type Rng, STREAM, rngFor } from './prng.ts';

/** Sessionisation threshold the demo data is built for: gaps between sessions always exceed it. */
export const DEMO_SESSION_GAP_MS = 30 * 60_000;
/** Between the end of one session and the start of the next: at least 31 min. */
const MIN_GAP_MS = 31 * 60_000;
const VIEW = CHAIN_STATES.indexOf('view');
const PURCHASE = CHAIN_STATES.indexOf('purchase');

interface TypeTables {
  readonly profile: CustomerProfile;
  readonly chain: Float64Array[];
  /** Cumulative day intensity over the period (prefix sums, so a churner's window is a prefix). */
  readonly days: Float64Array;
  readonly hours: Float64Array;
}

/**
 * Generates every user's sessions in user order. Per user, in three passes over one random stream:
 * 1. walk the user's type's chain (CUSTOMER_CHAINS) while the run is below the user's budget mark (ChainWalker);
 * 2. place the sessions in the user's active period: a day drawn from the type's day intensity (weekly
 *    seasonality; loyal users stratified so their visits are regular), an hour from its hour-of-day profile;
 *    sorted, then shifted earlier where needed so every gap exceeds 31 min and no event reaches the end of the
 *    active period (a churner's churn day);
 * 3. pick items on each session's day (community preferences, category trends, bargain tilt) and emit.
 * A `view` (first or later) picks a new item; every other state acts on the item in focus. Purchases carry
 * value = price * quantity. Event ids `demo-e<n>` count up from 1 across the whole run.
 * Stateful: one instance per rows() call.
 */
export class SessionGenerator {
  private emitted = 0;
  private readonly tables: readonly TypeTables[];
  private readonly picker: CategoryPicker;
  private readonly walker = new ChainWalker();
  private starts = new Float64Array(256);

  constructor(
    private readonly o: ResolvedDemoOptions,
    private readonly catalog: Catalog,
    private readonly population: Population,
  ) {
    this.tables = CUSTOMER_TYPES.map((t) => {
      const profile = CUSTOMER_PROFILES[t];
      return { profile, chain: compileChain(CUSTOMER_CHAINS[t]), days: cumulative(dayWeights(o, profile.weekendBoost)), hours: cumulative(profile.hourOfDay) };
    });
    this.picker = new CategoryPicker(o, catalog, population, buildTrends(o));
  }

  /** Appends user u's sessions to `out`: whole sessions, while the run is below u's budget mark. */
  appendUserEvents(u: number, out: IngestRecord[]): void {
    const rng = rngFor(this.o.seed, STREAM.events, u);
    const userId = this.population.userIds[u];
    const tables = this.tables[this.population.type[u] ?? 0];
    if (userId === undefined || tables === undefined) return;
    const firstId = this.emitted;
    const sessions = this.walker.walk(tables.chain, this.emitted, this.population.budgetEnd[u] ?? 0, rng);
    this.emitted += this.walker.firstEvent[sessions] ?? 0;
    if (this.starts.length < sessions) this.starts = new Float64Array(2 * sessions);
    const activeDays = this.population.activeDays[u] ?? 1;
    this.placeSessions(tables, sessions, activeDays, rng);
    const group = tables.profile.cheap ? 1 : 0;
    const community = this.population.community[u] ?? 0;
    const lastDay = this.o.weeks * 7 - 1;
    const { states, offsets, firstEvent } = this.walker;
    const { starts, catalog } = this;
    const itemIds = catalog.itemIds;
    let id = firstId;
    for (let k = 0; k < sessions; k++) {
      const start = starts[k] ?? 0;
      const day = Math.min(lastDay, Math.max(0, Math.floor((start - this.o.startTs) / DAY_MS)));
      const to = firstEvent[k + 1] ?? 0;
      let item = -1;
      for (let e = firstEvent[k] ?? to; e < to; e++) {
        const state = states[e] ?? VIEW;
        if (state === VIEW || item < 0) {
          const c = this.picker.pick(group, community, day, rng);
          item = group === 1 ? sampleCheapItem(catalog, c, rng) : sampleItem(catalog, c, rng);
        }
        id++;
        const eventId = asEventId(`demo-e${id}`);
        const itemId = itemIds[item] ?? asItemId(`i${item + 1}`);
        const ts = start + (offsets[e] ?? 0);
        if (state !== PURCHASE) {
          out.push({ kind: 'event', event: { id: eventId, userId, itemId, type: CHAIN_STATES[state] ?? 'view', ts } });
        } else {
          const quantity = 1 + rng.int(tables.profile.maxQuantity);
          const value = Math.round((catalog.price[item] ?? 0) * quantity * 100) / 100;
          out.push({ kind: 'event', event: { id: eventId, userId, itemId, type: 'purchase', ts, value } });
        }
      }
    }
  }

  /**
   * Pass 2: session k's start into starts[k], sorted. Drawing days from the intensity and sorting keeps each
   * start distributed as the intensity; the backward pass then moves a start earlier only when it would
   * crowd the next session or end past the active period, which for realistic densities is rare and by minutes.
   */
  private placeSessions(tables: TypeTables, sessions: number, activeDays: number, rng: Rng): void {
    const days = Math.min(activeDays, tables.days.length);
    const total = tables.days[days - 1] ?? 0;
    const hourTotal = tables.hours[tables.hours.length - 1] ?? 0;
    const starts = this.starts.subarray(0, sessions);
    for (let k = 0; k < sessions; k++) {
      const r = tables.profile.regular ? (k + rng.next()) / sessions : rng.next();
      const day = searchCumulative(tables.days, r * total, 0, days - 1);
      const hour = searchCumulative(tables.hours, rng.next() * hourTotal);
      starts[k] = this.o.startTs + day * DAY_MS + hour * HOUR_MS + Math.floor(rng.next() * HOUR_MS);
    }
    starts.sort();
    let limit = this.o.startTs + days * DAY_MS - 1;
    for (let k = sessions - 1; k >= 0; k--) {
      const duration = this.walker.duration(k);
      const start = Math.min(starts[k] ?? 0, limit - duration);
      starts[k] = start;
      limit = start - MIN_GAP_MS;
    }
  }
}
