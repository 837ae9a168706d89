import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wilsonInterval } from '../../src/algorithms/markov/index.ts';
import type { GraphConnection } from '../../src/storage/connect.ts';
import { GraphWriter } from '../../src/storage/graph-writer.ts';
import { createTestApi } from '../support/api.ts';
import { openTestGraph } from '../support/graph.ts';
import { D1, T0, writeHandLog } from './hand-log.ts';
import { AnalyticsStore } from '../../src/storage/analytics-store.ts';
import { ALL_TIME, EMPTY_SEGMENT } from '../../src/storage/analytics-scope.ts';
import { transitionCountsFor } from '../../src/usecases/analytics/counting-paths.ts';

const iso = (ms: number): string => new Date(ms).toISOString();
const STATES = ['START', 'VIEW', 'FAVOURITE', 'CART', 'PURCHASE', 'CANCEL', 'EXIT'];
const interval = (k: number, n: number) => {
  const w = wilsonInterval(k, n);
  return { low: w?.lower, high: w?.upper };
};

describe('behaviour analytics over HTTP on a hand-made event log', () => {
  let graph: GraphConnection;
  let gql: ReturnType<typeof createTestApi>['gql'];
  const data = async (query: string, variables: Record<string, unknown> = {}): Promise<Record<string, unknown>> => {
    const r = await gql(query, variables);
    expect(r.status).toBe(200);
    expect(r.body.errors).toBeUndefined();
    return r.body.data as Record<string, unknown>;
  };
  const errorOf = async (query: string, variables: Record<string, unknown> = {}) => {
    const r = await gql(query, variables);
    expect(r.body.errors, JSON.stringify(r.body)).toBeDefined();
    return r.body.errors?.[0];
  };

  beforeAll(async () => {
    graph = await openTestGraph();
    await writeHandLog(new GraphWriter(graph.executor));
    gql = createTestApi(graph).gql;
  });
  afterAll(async () => graph.close());

  const MATRIX = `query($segment: SegmentInput, $window: TimeWindowInput, $options: ChainOptionsInput) {
    transitionMatrix(segment: $segment, window: $window, options: $options) {
      states users transitions rows { from support hasData absorbing counts probabilities } } }`;

  it('counts transitions with START and EXIT and estimates P(to | from) by maximum likelihood', async () => {
    const m = (await data(MATRIX)).transitionMatrix as { states: string[]; users: number; transitions: number; rows: unknown[] };
    expect(m.states).toEqual(STATES);
    expect(m.users).toBe(3);
    expect(m.transitions).toBe(17);
    expect(m.rows).toEqual([
      { from: 'START', support: 5, hasData: true, absorbing: false, counts: [0, 3, 1, 1, 0, 0, 0], probabilities: [0, 0.6, 0.2, 0.2, 0, 0, 0] },
      { from: 'VIEW', support: 5, hasData: true, absorbing: false, counts: [0, 2, 0, 2, 0, 0, 1], probabilities: [0, 0.4, 0, 0.4, 0, 0, 0.2] },
      { from: 'FAVOURITE', support: 1, hasData: true, absorbing: false, counts: [0, 0, 0, 0, 0, 0, 1], probabilities: [0, 0, 0, 0, 0, 0, 1] },
      { from: 'CART', support: 3, hasData: true, absorbing: false, counts: [0, 0, 0, 0, 2, 0, 1], probabilities: [0, 0, 0, 0, 2 / 3, 0, 1 / 3] },
      { from: 'PURCHASE', support: 2, hasData: true, absorbing: false, counts: [0, 0, 0, 0, 0, 1, 1], probabilities: [0, 0, 0, 0, 0, 0.5, 0.5] },
      { from: 'CANCEL', support: 1, hasData: true, absorbing: false, counts: [0, 0, 0, 0, 0, 0, 1], probabilities: [0, 0, 0, 0, 0, 0, 1] },
      { from: 'EXIT', support: 0, hasData: true, absorbing: true, counts: [0, 0, 0, 0, 0, 0, 0], probabilities: [0, 0, 0, 0, 0, 0, 1] },
    ]);
  });

  it('reports rows below minSupport as having no data (null, not zeros) and smooths the others', async () => {
    const m = (await data(MATRIX, { options: { minSupport: 2, smoothing: 1 } })).transitionMatrix as { rows: { from: string; hasData: boolean; probabilities: number[] | null }[] };
    const byFrom = Object.fromEntries(m.rows.map((r) => [r.from, r]));
    expect(byFrom['FAVOURITE']).toMatchObject({ hasData: false, probabilities: null });
    expect(byFrom['CANCEL']).toMatchObject({ hasData: false, probabilities: null });
    // (c + 1) / (5 + 6): six target states (START is never a target)
    expect(byFrom['START']?.probabilities).toEqual([0, 4 / 11, 2 / 11, 2 / 11, 1 / 11, 1 / 11, 1 / 11]);
  });

  it('filters by segment and time window, and splits sessions at the requested gap', async () => {
    const women = (await data(MATRIX, { segment: { gender: 'female' } })).transitionMatrix as { users: number; transitions: number };
    expect(women).toMatchObject({ users: 2, transitions: 13 });
    const later = (await data(MATRIX, { window: { from: iso(T0 + 60 * 60_000) } })).transitionMatrix as { users: number; rows: { from: string; counts: number[] }[] };
    expect(later.users).toBe(2);
    expect(later.rows[0]?.counts).toEqual([0, 1, 0, 1, 0, 0, 0]);
    // One long session per user with a 2-day gap: cat's favourite -> cart is now a transition.
    const long = (await data(MATRIX, { options: { sessionGapMinutes: 2 * 24 * 60 } })).transitionMatrix as { rows: { from: string; counts: number[] }[] };
    expect(long.rows[2]?.counts).toEqual([0, 0, 0, 1, 0, 0, 0]);
    expect(long.rows[0]?.counts).toEqual([0, 2, 1, 0, 0, 0, 0]);
    const friends = (await data(MATRIX, { segment: { hasFriendWhoPurchased: true } })).transitionMatrix as { users: number };
    expect(friends.users).toBe(2);
    const cb = (await data(MATRIX, { segment: { categoryId: 'cb' } })).transitionMatrix as { users: number; transitions: number };
    expect(cb).toMatchObject({ users: 2, transitions: 8 });
  });

  it('gives sequence probabilities with P(s_1) from the START row', async () => {
    const q = 'query($s: [State!]!) { sequenceProbability(states: $s) { states probability logProbability undefinedReason } }';
    expect((await data(q, { s: ['VIEW', 'CART', 'PURCHASE'] })).sequenceProbability).toEqual({
      states: ['VIEW', 'CART', 'PURCHASE'], probability: 0.6 * 0.4 * (2 / 3), logProbability: Math.log(0.6) + Math.log(0.4) + Math.log(2 / 3), undefinedReason: null,
    });
    expect((await data(q, { s: ['FAVOURITE', 'VIEW'] })).sequenceProbability).toEqual({ states: ['FAVOURITE', 'VIEW'], probability: 0, logProbability: null, undefinedReason: null });
    const unknown = await data('{ sequenceProbability(states: [START, FAVOURITE, EXIT], options: {minSupport: 2}) { probability undefinedReason } }');
    expect(unknown.sequenceProbability).toEqual({ probability: null, undefinedReason: 'no data for transitions out of FAVOURITE (step 2 of the path from START)' });
  });

  it('sessionEnd LAST_EVENT closes every last session: a gap longer than the data\'s age no longer hides every EXIT', async () => {
    const FIFTY_YEARS_MIN = 50 * 365 * 24 * 60;
    type Matrix = { transitions: number; rows: { from: string; hasData: boolean; counts: number[] }[] };
    const matrix = async (sessionEnd: string) =>
      (await data(MATRIX, { options: { sessionGapMinutes: FIFTY_YEARS_MIN, sessionEnd } })).transitionMatrix as Matrix;
    // One session per user. GAP: idle less than the gap "now", so every last session is open: no EXIT at all.
    const open = await matrix('GAP');
    expect(open.transitions).toBe(12);
    expect(open.rows.map((r) => r.counts[6])).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(open.rows.find((r) => r.from === 'CANCEL')?.hasData).toBe(false);
    // LAST_EVENT: ann view->EXIT, bob cart->EXIT, cat cancel->EXIT are counted.
    const closed = await matrix('LAST_EVENT');
    expect(closed.transitions).toBe(15);
    expect(closed.rows.map((r) => r.counts)).toEqual([
      [0, 2, 1, 0, 0, 0, 0], // START
      [0, 2, 0, 2, 0, 0, 1], // VIEW
      [0, 0, 0, 1, 0, 0, 0], // FAVOURITE
      [0, 0, 0, 0, 2, 0, 1], // CART
      [0, 1, 0, 0, 0, 1, 0], // PURCHASE (ann buys, then views again in the same long session)
      [0, 0, 0, 0, 0, 0, 1], // CANCEL
      [0, 0, 0, 0, 0, 0, 0], // EXIT
    ]);
    // The same counts along both counting paths (asOf null is LAST_EVENT).
    const store = new AnalyticsStore(graph.executor);
    for (const asOf of [null, Date.now()]) {
      const viaCypher = await transitionCountsFor(store, { segment: EMPTY_SEGMENT, window: ALL_TIME }, FIFTY_YEARS_MIN * 60_000, asOf, 'cypher');
      const viaTs = await transitionCountsFor(store, { segment: EMPTY_SEGMENT, window: ALL_TIME }, FIFTY_YEARS_MIN * 60_000, asOf, 'ts');
      expect(Array.from(viaCypher.counts.counts)).toEqual(Array.from(viaTs.counts.counts));
    }
    // Absorption from START: with open sessions everyone who reaches a cart buys (P = 1); closed, 14/27:
    // CART buys 2/3; VIEW v = 0.4 v + 0.4 * 2/3 => 4/9; FAVOURITE -> CART 2/3; START 2/3 * 4/9 + 1/3 * 2/3.
    type Absorption = { rows: { from: string; absorbing: { state: string; probability: number }[] }[] };
    const fromStart = async (sessionEnd: string) => {
      const a = (await data(`query($o: ChainOptionsInput) { absorption(options: $o) { rows { from absorbing { state probability } } } }`,
        { o: { sessionGapMinutes: FIFTY_YEARS_MIN, sessionEnd } })).absorption as Absorption;
      return Object.fromEntries(a.rows.find((r) => r.from === 'START')!.absorbing.map((x) => [x.state, x.probability]));
    };
    const gap = await fromStart('GAP');
    expect(gap['PURCHASE']).toBeCloseTo(1, 12);
    expect(gap['EXIT']).toBeCloseTo(0, 12);
    const last = await fromStart('LAST_EVENT');
    expect(last['PURCHASE']).toBeCloseTo(14 / 27, 12);
    expect(last['EXIT']).toBeCloseTo(13 / 27, 12);
    expect(last['CANCEL']).toBeCloseTo(0, 12);
    // The default (GAP, 30 min) on this long-idle log is unchanged: every session already closed.
    expect((await data(MATRIX, { options: { sessionEnd: 'LAST_EVENT' } })).transitionMatrix).toEqual((await data(MATRIX)).transitionMatrix);
  });

  it('sequenceProbability: a path is one session (no EXIT or START inside it) and has at most 100 states', async () => {
    const q = 'query($s: [State!]!) { sequenceProbability(states: $s) { probability } }';
    const crossing = await errorOf(q, { s: ['VIEW', 'EXIT', 'START', 'VIEW'] });
    expect(crossing?.extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'states[1]' });
    expect(crossing?.message).toMatch(/EXIT ends the session and is absorbing/);
    expect((await errorOf(q, { s: ['VIEW', 'START', 'VIEW'] }))?.extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'states[1]' });
    expect((await errorOf(q, { s: Array(101).fill('VIEW') }))?.extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'states' });
    // 100 states pass: START -> view 0.6, then view -> view 0.4, 99 times.
    const hundred = ((await data(q, { s: Array(100).fill('VIEW') })).sequenceProbability as { probability: number }).probability;
    expect(hundred / (0.6 * 0.4 ** 99)).toBeCloseTo(1, 12);
    // EXIT last and START first stay fine.
    expect(((await data(q, { s: ['START', 'FAVOURITE', 'EXIT'] })).sequenceProbability as { probability: number }).probability).toBeCloseTo(0.2, 12);
  });

  it('analyses the absorbing chain: first outcome probabilities and expected steps', async () => {
    const a = (await data('{ absorption { absorbingStates noDataStates rows { from expectedSteps absorbing { state probability } } } }')).absorption as {
      absorbingStates: string[]; noDataStates: string[]; rows: { from: string; expectedSteps: number; absorbing: { state: string; probability: number }[] }[];
    };
    expect(a.absorbingStates).toEqual(['PURCHASE', 'CANCEL', 'EXIT']);
    expect(a.noDataStates).toEqual([]);
    const expected: Record<string, [number, number, number, number]> = {
      // from: [P(purchase), P(cancel), P(EXIT), expected steps], solved by hand from the matrix above
      START: [0.4, 0, 0.6, 2.8],
      VIEW: [4 / 9, 0, 5 / 9, 7 / 3],
      FAVOURITE: [0, 0, 1, 1],
      CART: [2 / 3, 0, 1 / 3, 1],
    };
    expect(a.rows.map((r) => r.from)).toEqual(Object.keys(expected));
    for (const r of a.rows) {
      const [p, c, x, t] = expected[r.from] as [number, number, number, number];
      expect(r.absorbing.map((o) => o.state)).toEqual(['PURCHASE', 'CANCEL', 'EXIT']);
      expect(r.absorbing[0]?.probability).toBeCloseTo(p, 12);
      expect(r.absorbing[1]?.probability).toBeCloseTo(c, 12);
      expect(r.absorbing[2]?.probability).toBeCloseTo(x, 12);
      expect(r.expectedSteps).toBeCloseTo(t, 12);
    }
  });

  it('gives the conversion rate with its Wilson interval, overall and per segment dimension', async () => {
    const q = `query($b: SegmentDimension) { conversionRate(action: PURCHASE, breakdown: $b) {
      action rate numerator denominator interval { low high } breakdown { segment rate numerator denominator interval { low high } } } }`;
    expect((await data(q)).conversionRate).toEqual({ action: 'PURCHASE', rate: 2 / 3, numerator: 2, denominator: 3, interval: interval(2, 3), breakdown: null });
    const groups = async (b: string) =>
      ((await data(q, { b })).conversionRate as { breakdown: { segment: string; numerator: number; denominator: number }[] }).breakdown
        .map((g) => [g.segment, g.numerator, g.denominator]);
    expect(await groups('GENDER')).toEqual([['female', 2, 2], ['male', 0, 1]]);
    expect(await groups('LOCATION')).toEqual([['Lyon', 0, 1], ['Paris', 2, 2]]);
    expect(await groups('AGE_BAND')).toEqual([['25-34', 2, 2], ['35-44', 0, 1]]);
    expect(await groups('ACQUISITION_MONTH')).toEqual([['2024-01', 1, 1], ['2024-02', 1, 2]]);
    expect(await groups('HAS_FRIEND_WHO_PURCHASED')).toEqual([['false', 0, 1], ['true', 2, 2]]);
    expect(await groups('CATEGORY')).toEqual([['ca', 1, 2], ['cb', 1, 2]]);
    const cancel = await data('{ conversionRate(action: CANCEL, segment: {acquiredFrom: "2024-02-01T00:00:00Z"}) { rate numerator denominator interval { low high } } }');
    expect(cancel.conversionRate).toEqual({ rate: 0.5, numerator: 1, denominator: 2, interval: interval(1, 2) });
  });

  it('computes the funnel with step conversion, drop-off and times to convert', async () => {
    const q = `query($h: Float) { funnel(steps: [VIEW, CART, PURCHASE], conversionWindowHours: $h) {
      totalUsers overallConversion medianSecondsToConvert p90SecondsToConvert steps { state users conversion dropOff medianSecondsFromStart } } }`;
    expect((await data(q)).funnel).toEqual({
      totalUsers: 3,
      overallConversion: 0.5,
      medianSecondsToConvert: 120,
      p90SecondsToConvert: 120,
      steps: [
        { state: 'VIEW', users: 2, conversion: 2 / 3, dropOff: 1, medianSecondsFromStart: null },
        { state: 'CART', users: 2, conversion: 1, dropOff: 0, medianSecondsFromStart: 60 },
        { state: 'PURCHASE', users: 1, conversion: 0.5, dropOff: 1, medianSecondsFromStart: 120 },
      ],
    });
    // A one-minute window: ann's purchase comes 2 minutes after her view.
    const short = (await data(q, { h: 1 / 60 })).funnel as { steps: { users: number }[]; overallConversion: number };
    expect(short.steps.map((s) => s.users)).toEqual([2, 2, 0]);
    expect(short.overallConversion).toBe(0);
  });

  it('shows a journey session by session, and the current state', async () => {
    const q = 'query($u: ID!, $w: TimeWindowInput) { journey(userId: $u, window: $w) { userId currentState sessions { state at itemId } } }';
    const marker = (state: string) => ({ state, at: null, itemId: null });
    expect((await data(q, { u: 'ann' })).journey).toEqual({
      userId: 'ann',
      currentState: 'EXIT',
      sessions: [
        [marker('START'), { state: 'VIEW', at: iso(T0), itemId: 'i1' }, { state: 'CART', at: iso(T0 + 60_000), itemId: 'i1' }, { state: 'PURCHASE', at: iso(T0 + 120_000), itemId: 'i1' }, marker('EXIT')],
        [marker('START'), { state: 'VIEW', at: iso(D1), itemId: 'i2' }, { state: 'VIEW', at: iso(D1 + 300_000), itemId: 'i3' }, marker('EXIT')],
      ],
    });
    // As of the end of a window that stops inside ann's second session, that session is still open.
    const open = (await data(q, { u: 'ann', w: { from: iso(D1), to: iso(D1 + 10 * 60_000) } })).journey as { currentState: string; sessions: { state: string }[][] };
    expect(open.currentState).toBe('VIEW');
    expect(open.sessions.map((s) => s.map((x) => x.state))).toEqual([['START', 'VIEW', 'VIEW']]);
    expect((await data(q, { u: 'eve' })).journey).toEqual({ userId: 'eve', currentState: 'START', sessions: [] });
  });

  it('answers bad input with coded errors', async () => {
    const inverted = await errorOf(`{ transitionMatrix(window: {from: "${iso(D1)}", to: "${iso(T0)}"}) { users } }`);
    expect(inverted?.extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'window' });
    const empty = await errorOf('{ transitionMatrix(segment: {userIds: ["eve", "nobody"]}) { users } }');
    expect(empty?.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'EMPTY_SEGMENT' });
    expect((await errorOf('{ funnel(steps: [VIEW], segment: {gender: "none"}) { totalUsers } }'))?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect((await errorOf('{ conversionRate(action: PURCHASE, window: {from: "2030-01-01T00:00:00Z"}) { rate } }'))?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect((await errorOf('{ conversionRate(action: START) { rate } }'))?.extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'action' });
    expect((await errorOf('{ funnel(steps: [VIEW, EXIT]) { totalUsers } }'))?.extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'steps[1]' });
    expect((await errorOf('{ funnel(steps: []) { totalUsers } }'))?.extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'steps' });
    expect((await errorOf('{ funnel(steps: [VIEW], conversionWindowHours: -1) { totalUsers } }'))?.extensions).toMatchObject({ code: 'INVALID_INPUT' });
    expect((await errorOf('{ transitionMatrix(options: {smoothing: -1}) { users } }'))?.extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'options.smoothing' });
    // values that pass a plain "> 0" but break the algorithm: rejected at validation, naming the field
    expect((await errorOf('{ transitionMatrix(options: {sessionGapMinutes: 1e-9}) { users } }'))?.extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'options.sessionGapMinutes' });
    expect((await errorOf('{ funnel(steps: [VIEW], conversionWindowHours: 1e-12) { totalUsers } }'))?.extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'conversionWindowHours' });
    expect((await errorOf('{ funnel(steps: [VIEW], conversionWindowHours: 1e300) { totalUsers } }'))?.extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'conversionWindowHours' });
    expect((await errorOf('{ transitionMatrix(options: {smoothing: 1e300}) { users } }'))?.extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'options.smoothing' });
    expect((await errorOf('{ nextState(userId: "nobody") { currentState } }'))?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect((await errorOf('{ journey(userId: "nobody") { currentState } }'))?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect((await errorOf('{ nextState(userId: "ann", steps: 0) { currentState } }'))?.extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'steps' });
    const badState = await gql('query($s: [State!]!) { sequenceProbability(states: $s) { probability } }', { s: ['VIEW', 'BUY'] });
    expect(badState.body.errors?.[0]?.message).toMatch(/BUY/);
    expect(badState.body.data ?? null).toBeNull();
    // An unknown State literal fails validation with a code (variables are coerced by yoga without one).
    const literal = await errorOf('{ sequenceProbability(states: [VIEW, BUY]) { probability } }');
    expect(literal?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });

  it('forecasts the next state from the current one; a recorded event refreshes the chain', async () => {
    const q = 'query($u: ID!, $n: Int) { nextState(userId: $u, steps: $n) { userId currentState sessionExitRisk churnRisk steps { step unresolvedMass distribution { state probability } } } }';
    const ann = (await data(q, { u: 'ann' })).nextState as { currentState: string; sessionExitRisk: number; churnRisk: number; steps: { distribution: { state: string; probability: number }[] }[] };
    expect(ann.currentState).toBe('EXIT');
    expect(ann.sessionExitRisk).toBe(1);
    expect(ann.churnRisk).toBe(ann.sessionExitRisk); // the deprecated name, same value
    expect(ann.steps[0]?.distribution.find((d) => d.state === 'EXIT')?.probability).toBe(1);
    const rec = await gql('mutation { recordInteraction(input: {eventId: "live-1", userId: "eve", itemId: "i1", type: VIEW}) { created } }');
    expect(rec.body.errors).toBeUndefined();
    // eve's session is open (within the gap of now): the chain gains START -> view only; rows view.. unchanged.
    const eve = (await data(q, { u: 'eve', n: 2 })).nextState as { currentState: string; churnRisk: number; steps: { step: number; unresolvedMass: number; distribution: { state: string; probability: number }[] }[] };
    expect(eve.currentState).toBe('VIEW');
    const p = (k: number) => Object.fromEntries(eve.steps[k]?.distribution.map((d) => [d.state, d.probability]) ?? []);
    expect(p(0)).toEqual({ START: 0, VIEW: 0.4, FAVOURITE: 0, CART: 0.4, PURCHASE: 0, CANCEL: 0, EXIT: 0.2 });
    // two steps: view .4*.4; cart .4*.4; purchase .4*2/3; EXIT .2 + .4*.2 + .4/3
    const two = p(1);
    expect(two['VIEW']).toBeCloseTo(0.16, 12);
    expect(two['CART']).toBeCloseTo(0.16, 12);
    expect(two['PURCHASE']).toBeCloseTo(0.4 * (2 / 3), 12);
    expect(two['EXIT']).toBeCloseTo(0.2 + 0.08 + 0.4 / 3, 12);
    expect(eve.steps.map((s) => s.unresolvedMass)).toEqual([0, 0]);
    expect(eve.churnRisk).toBeCloseTo(5 / 9, 12);
  });

  it('nextState asOf: the state and the shop chain as of that instant, later events ignored', async () => {
    const q = 'query($u: ID!, $at: DateTime) { nextState(userId: $u, asOf: $at) { currentState sessionExitRisk steps { unresolvedMass distribution { state probability } } } }';
    type Forecast = { currentState: string; sessionExitRisk: number | null; steps: { unresolvedMass: number; distribution: { state: string; probability: number }[] }[] };
    const at = async (u: string, ms?: number) => (await data(q, { u, at: ms === undefined ? null : iso(ms) })).nextState as Forecast;
    // Today the 2024 log is long idle: ann is EXIT. As of her last event (D1 + 5 min) her session is open.
    expect((await at('ann')).currentState).toBe('EXIT');
    const ann = await at('ann', D1 + 5 * 60_000);
    expect(ann.currentState).toBe('VIEW');
    // The chain as of then: ann's last session is still open, so VIEW -> EXIT is not counted:
    // VIEW row view 2, cart 2 (support 4); CART row purchase 2/3, EXIT 1/3. Later events (eve's live view) ignored.
    expect(Object.fromEntries(ann.steps[0]!.distribution.map((d) => [d.state, d.probability])))
      .toEqual({ START: 0, VIEW: 0.5, FAVOURITE: 0, CART: 0.5, PURCHASE: 0, CANCEL: 0, EXIT: 0 });
    expect(ann.steps[0]!.unresolvedMass).toBe(0);
    // P(EXIT before PURCHASE): v = v/2 + c/2, c = 1/3  =>  v = 1/3.
    expect(ann.sessionExitRisk).toBeCloseTo(1 / 3, 12);
    // Events after asOf are ignored: 3 minutes after her first visit began, ann had just purchased.
    expect((await at('ann', T0 + 3 * 60_000)).currentState).toBe('PURCHASE');
    // bob at T0 + 1 min: b2 (view) and b3 (cart) share the time; the last in (ts, id) order is the cart.
    expect((await at('bob', T0 + 60_000)).currentState).toBe('CART');
    // Before any event: START.
    expect((await at('ann', T0 - 1)).currentState).toBe('START');
    expect((await errorOf('{ nextState(userId: "ann", asOf: "yesterday") { currentState } }'))?.extensions).toMatchObject({ code: 'INVALID_INPUT' });
  });
});
