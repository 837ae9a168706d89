import { describe, expect, it } from 'vitest';
import { etsFilter, etsForecastMean, etsVarianceMultipliers, type EtsWeights } from '../../../src/algorithms/forecast/ets-additive.ts';

describe('etsFilter: the error-correction recursions by hand (m = 2)', () => {
  // l0 = 1, b0 = 1, s = [0, 1]; alpha 0.5, beta 0.2, gamma 0.1, phi 1; y = [3, 3].
  // t=1: yhat = 1 + 1 + 0 = 2, e = 1:    l = 2.5,  b = 1.2,  s(pos 1) = 0.1
  // t=2: yhat = 2.5 + 1.2 + 1 = 4.7, e = -1.7: l = 2.85, b = 0.86, s(pos 2) = 0.83
  const w: EtsWeights = { alpha: 0.5, beta: 0.2, gamma: 0.1, phi: 1 };
  const run = etsFilter([3, 3], w, { level: 1, trend: 1, season: [0, 1] });

  it('accumulates the one-step SSE 1 + 1.7^2 = 3.89 and ends in the hand-computed state', () => {
    expect(run.sse).toBeCloseTo(3.89, 12);
    expect(run.state.level).toBeCloseTo(2.85, 12);
    expect(run.state.trend).toBeCloseTo(0.86, 12);
    expect(run.state.season[0]).toBeCloseTo(0.1, 12);
    expect(run.state.season[1]).toBeCloseTo(0.83, 12);
  });

  it('rotates the season so index 0 serves T+1 when n is not a multiple of m', () => {
    const odd = etsFilter([3], w, { level: 1, trend: 1, season: [0, 1] });
    // after t=1 the next step (t=2) uses position 2, whose state is still 1
    expect(odd.state.season).toEqual([1, 0.1]);
  });

  it('forecasts l + (phi + ... + phi^h) b + s: undamped 3.81, 5.4, 5.53; damped (phi 0.5) 3.38, 4.325', () => {
    const mean = etsForecastMean(run.state, w, 3);
    expect(mean.map((x) => Number(x.toFixed(12)))).toEqual([3.81, 5.4, 5.53]);
    const damped = etsForecastMean(run.state, { ...w, phi: 0.5 }, 2);
    expect(damped.map((x) => Number(x.toFixed(12)))).toEqual([3.38, 4.325]);
  });
});

describe('etsVarianceMultipliers: v_h / sigma^2 = 1 + sum_{j<h} c_j^2', () => {
  it('by hand: c = 0.7, 1.0, 1.1 -> 1, 1.49, 2.49, 3.70 (alpha .5, beta .2, gamma .1, m 2)', () => {
    const v = etsVarianceMultipliers({ alpha: 0.5, beta: 0.2, gamma: 0.1, phi: 1 }, 2, 4);
    expect(v.map((x) => Number(x.toFixed(12)))).toEqual([1, 1.49, 2.49, 3.7]);
  });

  it('equals the ETS(A,A,A) closed form of Hyndman et al. (2008) for several parameter sets', () => {
    const closed = (a: number, b: number, g: number, m: number, h: number): number => {
      const k = Math.floor((h - 1) / m);
      return 1 + (h - 1) * (a * a + a * b * h + (b * b * h * (2 * h - 1)) / 6) + g * k * (2 * a + g + b * m * (k + 1));
    };
    for (const [a, b, g, m] of [[0.3, 0.05, 0.1, 7], [0.9, 0.5, 0.05, 7], [0.1, 0.01, 0.6, 24], [0.5, 0.2, 0.1, 2]] as const) {
      const v = etsVarianceMultipliers({ alpha: a, beta: b, gamma: g, phi: 1 }, m, 30);
      v.forEach((x, i) => expect(x).toBeCloseTo(closed(a, b, g, m, i + 1), 9));
    }
  });

  it('gives k + 1 for seasonal naive (alpha 0, gamma 1) and h for naive (alpha 1)', () => {
    expect(etsVarianceMultipliers({ alpha: 0, beta: 0, gamma: 1, phi: 1 }, 7, 15)).toEqual([1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 3]);
    expect(etsVarianceMultipliers({ alpha: 1, beta: 0, gamma: 0, phi: 1 }, 7, 4)).toEqual([1, 2, 3, 4]);
  });
});
