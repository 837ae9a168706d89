import { describe, expect, it } from 'vitest';
import { MARKOV_STATES, chainFromMatrix } from '../../src/algorithms/markov/index.ts';
import { analyseAbsorption, toAbsorptionView } from '../../src/usecases/analytics/absorption.ts';
import { KeyedCache } from '../../src/usecases/analytics/chain-cache.ts';
import { currentState } from '../../src/usecases/analytics/current-state.ts';
import { toFunnelView } from '../../src/usecases/analytics/funnel.ts';
import { buildJourney } from '../../src/usecases/analytics/journey.ts';
import { forecastFrom } from '../../src/usecases/analytics/next-state.ts';
import { MAX_PATH_STATES, pathProbability } from '../../src/usecases/analytics/sequence-probability.ts';

//              START view fav  cart purch canc EXIT
const CHAIN = chainFromMatrix(MARKOV_STATES, [
  [0, 0.5, 0, 0.5, 0, 0, 0], // START
  [0, 0.5, 0, 0.25, 0, 0, 0.25], // view
  null, // favourite: no data
  [0, 0, 0, 0, 0.5, 0, 0.5], // cart
  [0, 0, 0, 0, 0, 0, 1], // purchase
  [0, 0, 0, 0, 0, 0, 1], // cancel
  [0, 0, 0, 0, 0, 0, 1], // EXIT
]);

describe('sequence probability view', () => {
  it('prefixes START so P(s_1) is the START row', () => {
    expect(pathProbability(CHAIN, ['view', 'cart', 'purchase'])).toEqual({
      states: ['view', 'cart', 'purchase'], probability: 0.5 * 0.25 * 0.5, logProbability: Math.log(0.0625), undefinedReason: null,
    });
    expect(pathProbability(CHAIN, ['START', 'cart']).probability).toBe(0.5);
  });

  it('refuses paths crossing sessions (START inside, EXIT before the end) and paths over MAX_PATH_STATES, naming the state', () => {
    const fieldOf = (states: string[]) => {
      try {
        pathProbability(CHAIN, states);
      } catch (e) {
        return (e as { code: string; details?: { field?: string } }).code + ' ' + String((e as { details?: { field?: string } }).details?.field);
      }
      return 'ok';
    };
    expect(fieldOf(['view', 'EXIT', 'START', 'view'])).toBe('INVALID_INPUT states[1]');
    expect(fieldOf(['EXIT', 'EXIT'])).toBe('INVALID_INPUT states[0]');
    expect(fieldOf(['view', 'START'])).toBe('INVALID_INPUT states[1]');
    expect(fieldOf(['START', 'view', 'EXIT'])).toBe('ok');
    expect(MAX_PATH_STATES).toBe(100);
    expect(fieldOf(Array(MAX_PATH_STATES).fill('view'))).toBe('ok');
    expect(fieldOf(Array(MAX_PATH_STATES + 1).fill('view'))).toBe('INVALID_INPUT states');
  });

  it('reports 0 with a null log, and unknown (null) through a row without data', () => {
    expect(pathProbability(CHAIN, ['cart', 'view'])).toMatchObject({ probability: 0, logProbability: null, undefinedReason: null });
    expect(pathProbability(CHAIN, ['START', 'favourite', 'cart'])).toMatchObject({ probability: 0 });
    const noData = chainFromMatrix(MARKOV_STATES, [[0, 0, 1, 0, 0, 0, 0], null, null, null, null, null, [0, 0, 0, 0, 0, 0, 1]]);
    expect(pathProbability(noData, ['favourite', 'cart'])).toEqual({
      states: ['favourite', 'cart'], probability: null, logProbability: null,
      undefinedReason: 'no data for transitions out of FAVOURITE (step 2 of the path from START)',
    });
  });
});

describe('absorption view', () => {
  it('gives outcome probabilities and expected steps per transient state, no-data states as outcomes', () => {
    const v = toAbsorptionView(analyseAbsorption(CHAIN));
    expect(v.absorbingStates).toEqual(['purchase', 'cancel', 'EXIT']);
    expect(v.noDataStates).toEqual(['favourite']);
    const cart = v.rows.find((r) => r.from === 'cart');
    expect(cart?.absorbing).toEqual([
      { state: 'purchase', probability: 0.5 }, { state: 'cancel', probability: 0 }, { state: 'EXIT', probability: 0.5 }, { state: 'favourite', probability: 0 },
    ]);
    expect(cart?.expectedSteps).toBeCloseTo(1, 12);
    // view: t = 1 + 0.5 t_view + 0.25 t_cart -> t_view = 2.5; P(purchase) = 0.25 * 0.5 / 0.5 = 0.25
    const view = v.rows.find((r) => r.from === 'view');
    expect(view?.expectedSteps).toBeCloseTo(2.5, 12);
    expect(view?.absorbing[0]?.probability).toBeCloseTo(0.25, 12);
  });
});

describe('next-state forecast', () => {
  it('derives the current state: START without events, EXIT past the gap, else the last state', () => {
    expect(currentState(null, 100, 10)).toBe('START');
    expect(currentState({ type: 'cart', ts: 89 }, 100, 10)).toBe('EXIT');
    expect(currentState({ type: 'cart', ts: 90 }, 100, 10)).toBe('cart');
  });

  it('gives pi_k = e P^k for k = 1..steps and the churn risk from the absorbing analysis', () => {
    const shop = { chain: CHAIN, analysis: analyseAbsorption(CHAIN) };
    const f = forecastFrom(shop, 'view', 2);
    expect(f.steps.map((s) => s.step)).toEqual([1, 2]);
    expect(Object.fromEntries(f.steps[1]?.distribution.map((d) => [d.state, d.probability]) ?? [])).toEqual({
      START: 0, view: 0.25, favourite: 0, cart: 0.125, purchase: 0.125, cancel: 0, EXIT: 0.5,
    });
    expect(f.churnRisk).toBeCloseTo(0.75, 12);
    expect(forecastFrom(shop, 'EXIT', 1).churnRisk).toBe(1);
    expect(forecastFrom(shop, 'favourite', 1)).toMatchObject({ churnRisk: null, steps: [{ step: 1, unresolvedMass: 1 }] });
    expect(forecastFrom({ chain: CHAIN, analysis: null }, 'view', 1).churnRisk).toBeNull();
  });
});

describe('funnel view', () => {
  it('converts from the population for the first step and from the previous step after; times in seconds', () => {
    const v = toFunnelView({
      totalUsers: 10,
      steps: [
        { state: 'view', users: 8, medianMs: 0, p90Ms: 0 },
        { state: 'cart', users: 4, medianMs: 1500, p90Ms: 3000 },
        { state: 'purchase', users: 0, medianMs: null, p90Ms: null },
      ],
    });
    expect(v).toEqual({
      totalUsers: 10,
      steps: [
        { state: 'view', users: 8, conversion: 0.8, dropOff: 2, medianSecondsFromStart: null },
        { state: 'cart', users: 4, conversion: 0.5, dropOff: 4, medianSecondsFromStart: 1.5 },
        { state: 'purchase', users: 0, conversion: 0, dropOff: 4, medianSecondsFromStart: null },
      ],
      overallConversion: 0,
      medianSecondsToConvert: null,
      p90SecondsToConvert: null,
    });
  });

  it('has no conversion (null) after a step nobody reached', () => {
    const v = toFunnelView({ totalUsers: 3, steps: [{ state: 'cart', users: 0, medianMs: null, p90Ms: null }, { state: 'purchase', users: 0, medianMs: null, p90Ms: null }] });
    expect(v.steps[1]?.conversion).toBeNull();
    expect(v.overallConversion).toBeNull();
  });
});

describe('journey', () => {
  const ev = (id: string, type: string, ts: number, newSession: boolean) => ({ id, type, ts, itemId: `i-${id}`, newSession });

  it('wraps sessions in START/EXIT and keeps the last one open within the gap', () => {
    const events = [ev('a', 'view', 0, true), ev('b', 'cart', 10, false), ev('c', 'view', 100, true)];
    const open = buildJourney('u', events, 105, 50);
    expect(open.sessions.map((s) => s.map((x) => x.state))).toEqual([['START', 'view', 'cart', 'EXIT'], ['START', 'view']]);
    expect(open.currentState).toBe('view');
    expect(open.sessions[0]?.[1]).toEqual({ state: 'view', at: 0, itemId: 'i-a' });
    const closed = buildJourney('u', events, 151, 50);
    expect(closed.sessions[1]?.map((x) => x.state)).toEqual(['START', 'view', 'EXIT']);
    expect(closed.currentState).toBe('EXIT');
  });

  it('is empty with current state START for a user without events', () => {
    expect(buildJourney('u', [], 0, 10)).toEqual({ userId: 'u', sessions: [], currentState: 'START' });
  });
});

describe('keyed cache', () => {
  it('loads once per key for concurrent callers and reloads when the key changes', async () => {
    const cache = new KeyedCache<number, string>();
    let loads = 0;
    const load = async () => `v${++loads}`;
    expect(await Promise.all([cache.get(1, load), cache.get(1, load), cache.get(1, load)])).toEqual(['v1', 'v1', 'v1']);
    expect(await cache.get(2, load)).toBe('v2');
    await expect(cache.get(3, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await cache.get(3, load)).toBe('v3');
  });
});
