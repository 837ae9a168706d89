import { asEventId, asItemId } from '../../domain/ids.ts';
import type { IngestRecord } from '../../domain/ingest.ts';
import { type Catalog, sampleItem } from './catalog.ts';
import type { ResolvedDemoOptions } from './demo-options.ts';
import { CHAIN_STATES, END_INDEX, PLANTED_CHAIN, START_INDEX, compileChain, sampleRow } from './planted-chain.ts';
import type { Population } from './population.ts';
import { type Rng, STREAM, rngFor } from './prng.ts';

/** Sessionisation threshold the demo data is built for: gaps between sessions always exceed it. */
export const DEMO_SESSION_GAP_MS = 30 * 60_000;
/** Between sessions: 31 min plus an exponential with mean 36 h. */
const MIN_GAP_MS = 31 * 60_000;
const MEAN_EXTRA_GAP_MS = 36 * 3_600_000;
/** Inside a session: 3 s plus an exponential with mean 40 s, capped at 15 min (< the 30 min gap). */
const MIN_STEP_MS = 3_000;
const MEAN_EXTRA_STEP_MS = 40_000;
const MAX_STEP_MS = 15 * 60_000;
/** A user's first session starts within a week of startTs. */
const FIRST_SESSION_SPREAD_MS = 7 * 24 * 3_600_000;
const VIEW = CHAIN_STATES.indexOf('view');

/**
 * Generates every user's sessions in user order, walking the planted chain (see PLANTED_CHAIN).
 * Event ids `demo-e<n>` count up from 1 across the whole run. Stateful: one instance per rows() call.
 */
export class SessionGenerator {
  private emitted = 0;
  private readonly chain = compileChain(PLANTED_CHAIN);

  constructor(
    private readonly o: ResolvedDemoOptions,
    private readonly catalog: Catalog,
    private readonly population: Population,
  ) {}

  /** Appends user u's sessions to `out`: whole sessions, while the run is below u's budget mark. */
  appendUserEvents(u: number, out: IngestRecord[]): void {
    const rng = rngFor(this.o.seed, STREAM.events, u);
    const budgetEnd = this.population.budgetEnd[u] ?? 0;
    const userId = this.population.userIds[u];
    const preferred = this.population.preferred[this.population.community[u] ?? 0];
    if (userId === undefined || preferred === undefined) return;
    const startRow = this.chain[START_INDEX];
    let ts = this.o.startTs + Math.floor(rng.next() * FIRST_SESSION_SPREAD_MS);
    while (this.emitted < budgetEnd && startRow !== undefined) {
      let state = sampleRow(startRow, rng.next());
      let item = -1;
      for (;;) {
        if (state === VIEW || item < 0) item = this.pickItem(preferred, rng);
        this.emitted++;
        out.push({
          kind: 'event',
          event: {
            id: asEventId(`demo-e${this.emitted}`),
            userId,
            itemId: this.catalog.itemIds[item] ?? asItemId(`i${item + 1}`),
            type: CHAIN_STATES[state] ?? 'view',
            ts,
          },
        });
        const row = this.chain[state];
        state = row === undefined ? END_INDEX : sampleRow(row, rng.next());
        if (state === END_INDEX) break;
        ts += Math.min(MAX_STEP_MS, MIN_STEP_MS + Math.floor(rng.exponential(MEAN_EXTRA_STEP_MS)));
      }
      ts += MIN_GAP_MS + Math.floor(rng.exponential(MEAN_EXTRA_GAP_MS));
    }
  }

  /** Mostly the community's categories, otherwise any; within the category, Zipf by rank. */
  private pickItem(preferred: Uint32Array, rng: Rng): number {
    const c = rng.chance(this.o.categoryLoyalty) ? (preferred[rng.int(preferred.length)] ?? 0) : rng.int(this.o.categories);
    return sampleItem(this.catalog, c, rng);
  }
}
