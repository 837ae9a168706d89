import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MARKOV_STATES } from '../../src/algorithms/markov/index.ts';
import { createDemoSource, demoPreset } from '../../src/sources/demo/demo-source.ts';
import { CHAIN_STATES, type ChainFrom } from '../../src/sources/demo/planted-chain.ts';
import { demoTruth } from '../../src/sources/demo/demo-truth.ts';
import { DEMO_SESSION_GAP_MS } from '../../src/sources/demo/sessions.ts';
import { cypher, listCypherFiles } from '../../src/storage/cypher-files.ts';
import type { GraphConnection } from '../../src/storage/connect.ts';
import { AnalyticsStore } from '../../src/storage/analytics-store.ts';
import { ALL_TIME, EMPTY_SEGMENT, type AnalyticsScope } from '../../src/storage/analytics-scope.ts';
import { GraphWriter } from '../../src/storage/graph-writer.ts';
import { ingestSource } from '../../src/usecases/ingest/ingest-source.ts';
import { transitionCountsFor, funnelCountsFor } from '../../src/usecases/analytics/counting-paths.ts';
import { AnalyticsService } from '../../src/usecases/analytics/analytics-service.ts';
import { createTestApi } from '../support/api.ts';
import { openTestGraph } from '../support/graph.ts';
import { documentedParamLines, runAsAnalyst } from './documented-params.ts';
import { SYSTEM } from '../../src/domain/principal.ts';

// The demo shop's `small` preset, seed 42: 500 users, 20,003 events, every session walking its user's customer
// type's chain (CUSTOMER_CHAINS), sessions separated by more than 30 minutes (DEMO_SESSION_GAP_MS) and never cut.
// The shop-wide chain is their mixture, known exactly from the generator (demoTruth(PRESET).chain).
const PRESET = demoPreset('small');
const PLANTED = demoTruth(PRESET).chain;
const K = MARKOV_STATES.length;
const scope = (segment: Partial<AnalyticsScope['segment']> = {}, window: Partial<AnalyticsScope['window']> = {}): AnalyticsScope => ({
  segment: { ...EMPTY_SEGMENT, ...segment },
  window: { ...ALL_TIME, ...window },
});

/** The planted chain as a dense row over MARKOV_STATES: END is EXIT, START is never a target. */
function plantedRow(from: ChainFrom): number[] {
  const row = PLANTED[from];
  return MARKOV_STATES.map((to) => (to === 'EXIT' ? row.END : to === 'START' ? 0 : row[to as (typeof CHAIN_STATES)[number]]));
}

describe('analytics on the demo shop (planted Markov chain) against the real Neo4j', () => {
  let graph: GraphConnection;
  let store: AnalyticsStore;
  let service: AnalyticsService;
  let gql: ReturnType<typeof createTestApi>['gql'];
  let firstTs = 0;
  let lastTs = 0;

  beforeAll(async () => {
    graph = await openTestGraph();
    const report = await ingestSource(createDemoSource(PRESET), new GraphWriter(graph.executor), { batchSize: 20_000 });
    expect(report.kinds.event?.written).toBe(20_003);
    store = new AnalyticsStore(graph.executor);
    service = new AnalyticsService(store, { now: () => Date.now() });
    gql = createTestApi(graph).gql;
    const [range] = await graph.executor.read('MATCH (e:Event) RETURN min(e.ts) AS lo, max(e.ts) AS hi');
    firstTs = Number(range?.['lo']);
    lastTs = Number(range?.['hi']);
  }, 600_000);
  afterAll(async () => graph.close());

  it('every analytics Cypher file passes EXPLAIN', async () => {
    const files = listCypherFiles().filter((f) => f.startsWith('analytics/'));
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const f of files) await graph.executor.read(`EXPLAIN ${cypher(f)}`, {});
  });

  it('recovers the planted chain: max |p_hat - p| < 0.02 on rows with >= 1,500 transitions, all within 4.5 standard errors', async () => {
    // Tolerance: at 20k events the START, view, cart and purchase rows hold >= 1,500 transitions each (5,736,
    // 12,727, 3,162, 2,615), so one binomial standard error is <= sqrt(0.25 / 1500) = 0.013 and 0.02 holds for these
    // seeded data (errors measured on seed 42: START 0.0058, view 0.0062, cart 0.0157, purchase 0.0076). The sparse
    // favourite (1,315) and cancel (184) rows are checked at 4.5 standard errors (measured at most 1.5 and 1.9 SE).
    for (const path of ['cypher', 'ts'] as const) {
      service.usePaths({ transitions: path });
      const m = await service.transitionMatrix(SYSTEM, { options: { sessionGapMinutes: DEMO_SESSION_GAP_MS / 60_000 } });
      let maxDense = 0;
      for (const row of m.rows.filter((r) => r.from !== 'EXIT')) {
        const planted = plantedRow(row.from as ChainFrom);
        expect(row.probabilities, row.from).not.toBeNull();
        row.probabilities?.forEach((p, j) => {
          const truth = planted[j] as number;
          const err = Math.abs(p - truth);
          if (truth === 0) expect(p, `${row.from} -> ${MARKOV_STATES[j]}`).toBe(0);
          expect(err, `${row.from} -> ${MARKOV_STATES[j]} (support ${row.support})`).toBeLessThanOrEqual(4.5 * Math.sqrt((truth * (1 - truth)) / row.support) + 1e-12);
          if (row.support >= 1_500) maxDense = Math.max(maxDense, err);
        });
      }
      expect(m.rows.filter((r) => r.support >= 1_500).map((r) => r.from).sort()).toEqual(['START', 'cart', 'purchase', 'view'].sort());
      expect(maxDense).toBeLessThan(0.02);
    }
  });

  it('counts the same transitions in Cypher and in TypeScript, for every kind of segment and window', async () => {
    const mid = Math.round((firstTs + lastTs) / 2);
    const cases: [string, AnalyticsScope, number, number | null][] = [
      ['all, closed', scope(), DEMO_SESSION_GAP_MS, null],
      ['all, 5 min gap, as of now', scope(), 5 * 60_000, Date.now()],
      ['window ending mid-data, open last sessions', scope({}, { from: firstTs + 86_400_000, to: mid }), DEMO_SESSION_GAP_MS, mid],
      ['gender + age', scope({ gender: 'female', minAge: 25, maxAge: 50 }), DEMO_SESSION_GAP_MS, null],
      ['location', scope({ location: 'Paris' }), DEMO_SESSION_GAP_MS, null],
      ['category', scope({ categoryId: 'c3' }), DEMO_SESSION_GAP_MS, null],
      ['acquisition window', scope({ acquiredFrom: Date.UTC(2023, 0, 1), acquiredTo: Date.UTC(2023, 6, 1) }), DEMO_SESSION_GAP_MS, null],
      ['friend purchased (in window)', scope({ hasFriendWhoPurchased: true }, { to: mid }), DEMO_SESSION_GAP_MS, null],
      ['no friend purchased (in window)', scope({ hasFriendWhoPurchased: false }, { to: firstTs + 86_400_000 }), DEMO_SESSION_GAP_MS, null],
      ['user ids', scope({ userIds: ['u1', 'u2', 'u3', 'u404'] }), DEMO_SESSION_GAP_MS, null],
    ];
    for (const [name, s, gap, asOf] of cases) {
      const viaCypher = await transitionCountsFor(store, s, gap, asOf, 'cypher');
      const viaTs = await transitionCountsFor(store, s, gap, asOf, 'ts');
      expect(viaCypher.users, name).toBe(viaTs.users);
      expect(viaCypher.users, name).toBeGreaterThan(0);
      expect(Array.from(viaCypher.counts.counts), name).toEqual(Array.from(viaTs.counts.counts));
      expect(viaCypher.counts.counts.length).toBe(K * K);
    }
  });

  it('computes the same funnel in Cypher and in TypeScript', async () => {
    const cases: [AnalyticsScope, string[], number][] = [
      [scope(), ['view', 'cart', 'purchase'], 72 * 3_600_000],
      [scope(), ['view', 'purchase', 'cancel'], 3_600_000],
      [scope({ gender: 'male' }, { to: Math.round((firstTs + lastTs) / 2) }), ['favourite', 'cart'], 24 * 3_600_000],
      [scope({ categoryId: 'c1' }), ['view', 'view', 'cart'], 30 * 60_000],
    ];
    for (const [s, steps, windowMs] of cases) {
      const a = await funnelCountsFor(store, s, steps, windowMs, 'cypher');
      const b = await funnelCountsFor(store, s, steps, windowMs, 'ts');
      expect(a.totalUsers).toBe(b.totalUsers);
      expect(a.steps.map((x) => [x.state, x.users])).toEqual(b.steps.map((x) => [x.state, x.users]));
      a.steps.forEach((x, k) => {
        // percentileCont and the TS quantile are the same formula; allow float rounding only.
        for (const key of ['medianMs', 'p90Ms'] as const) {
          const y = b.steps[k]?.[key] ?? null;
          if (x[key] === null || y === null) expect(x[key]).toBe(y);
          else expect(x[key]).toBeCloseTo(y, 6);
        }
      });
    }
  });

  it('gives analysts running the Cypher files with their documented params the same numbers as the API', async () => {
    const ex = graph.executor;
    // Every file taking parameters documents them; those without any are the in-memory logs' count check (the
    // full read, event-log, takes the consent defaults since it carries each user's analytics attributes) and the
    // in-memory friend ties' full read and count check.
    const parameterless: string[] = [];
    for (const f of listCypherFiles().filter((n) => n.startsWith('analytics/'))) {
      if (!/\$[A-Za-z_]/.test(cypher(f).replace(/\/\/.*$/gm, ''))) parameterless.push(f);
      else expect(documentedParamLines(f).length, `${f} documents its params`).toBeGreaterThan(0);
    }
    expect(parameterless.sort()).toEqual(['analytics/friend-count', 'analytics/friend-ties', 'analytics/performed-count']);
    const api = async (query: string) => {
      const r = await gql(query);
      expect(r.body.errors).toBeUndefined();
      return r.body.data as Record<string, unknown>;
    };

    // transition-counts.cypher == transitionMatrix counts and users
    const rows = await runAsAnalyst(ex, 'analytics/transition-counts');
    const matrix = (await api('{ transitionMatrix { users states rows { from counts } } }')).transitionMatrix as {
      users: number; states: string[]; rows: { from: string; counts: number[] }[];
    };
    const enumOf = (s: string) => s.toUpperCase();
    const fromCypher: Record<string, number> = {};
    for (const r of rows) fromCypher[`${enumOf(String(r['from']))}>${enumOf(String(r['to']))}`] = Number(r['count']);
    const fromApi: Record<string, number> = {};
    for (const r of matrix.rows) r.counts.forEach((n, j) => n > 0 && (fromApi[`${r.from}>${matrix.states[j]}`] = n));
    expect(fromCypher).toEqual(fromApi);
    expect(rows.reduce((n, r) => n + Number(r['users']), 0)).toBe(matrix.users);

    // sequences.cypher: as many users as the matrix, and as many events as the graph has non-rating events
    const seqs = await runAsAnalyst(ex, 'analytics/sequences');
    expect(seqs.length).toBe(matrix.users);

    // funnel-counts.cypher (view, cart, purchase within 72 h) == funnel(steps: [VIEW, CART, PURCHASE])
    const funnelRows = await runAsAnalyst(ex, 'analytics/funnel-counts');
    const funnel = (await api('{ funnel(steps: [VIEW, CART, PURCHASE], conversionWindowHours: 72) { totalUsers steps { users medianSecondsFromStart } } }')).funnel as {
      totalUsers: number; steps: { users: number; medianSecondsFromStart: number | null }[];
    };
    expect(funnelRows.map((r) => Number(r['users']))).toEqual(funnel.steps.map((s) => s.users));
    expect(Number(funnelRows[0]?.['totalUsers'])).toBe(funnel.totalUsers);
    expect(Number(funnelRows[2]?.['medianMs']) / 1000).toBeCloseTo(funnel.steps[2]?.medianSecondsFromStart ?? NaN, 6);

    // conversion-by-segment.cypher == conversionRate, overall and by age band
    const conv = await runAsAnalyst(ex, 'analytics/conversion-by-segment');
    const rate = (await api('{ conversionRate(action: PURCHASE) { numerator denominator } }')).conversionRate;
    expect(conv.map((r) => ({ numerator: Number(r['numerator']), denominator: Number(r['denominator']) }))).toEqual([rate]);
    const byAge = await runAsAnalyst(ex, 'analytics/conversion-by-segment', { breakdown: 'AGE_BAND' });
    const apiByAge = (await api('{ conversionRate(action: PURCHASE, breakdown: AGE_BAND) { breakdown { segment numerator denominator } } }')).conversionRate as {
      breakdown: { segment: string; numerator: number; denominator: number }[];
    };
    expect(byAge.map((r) => ({ segment: r['segment'], numerator: Number(r['numerator']), denominator: Number(r['denominator']) }))).toEqual(apiByAge.breakdown);

    // journey.cypher (u1) == journey(userId: "u1"); user-state.cypher == nextState's current state
    const [journeyRow] = await runAsAnalyst(ex, 'analytics/journey');
    const events = journeyRow?.['events'] as { type: string; newSession: boolean }[];
    const journey = (await api('{ journey(userId: "u1") { sessions { state } } }')).journey as { sessions: { state: string }[][] };
    expect(journey.sessions.length).toBe(events.filter((e) => e.newSession).length);
    expect(journey.sessions.flat().filter((s) => s.state !== 'START' && s.state !== 'EXIT').map((s) => s.state)).toEqual(events.map((e) => enumOf(e.type)));
    const [state] = await runAsAnalyst(ex, 'analytics/user-state');
    const next = (await api('{ nextState(userId: "u1") { currentState } }')).nextState as { currentState: string };
    expect(next.currentState).toBe(Date.now() - Number(state?.['ts']) > DEMO_SESSION_GAP_MS ? 'EXIT' : enumOf(String(state?.['type'])));
  });
});
