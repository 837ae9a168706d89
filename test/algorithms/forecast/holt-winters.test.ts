import { describe, expect, it } from 'vitest';
import { etsFilter } from '../../../src/algorithms/forecast/ets-additive.ts';
import {
  errorCorrectionWeights,
  fitHoltWinters,
  forecastDaily,
  forecastHoltWinters,
  INTERVAL_Z,
} from '../../../src/algorithms/forecast/holt-winters.ts';
import { holtWintersInitialState } from '../../../src/algorithms/forecast/holt-winters-init.ts';
import { seasonalNaive } from '../../../src/algorithms/forecast/seasonal-naive.ts';
import { expectAppError } from '../markov/expect-app-error.ts';

const WEEK = [5, 3, 4, 6, 10, 12, 8];
const weekly = (n: number, trend = 0, from = 0): number[] =>
  Array.from({ length: n }, (_, i) => (WEEK[(from + i) % 7] ?? 0) + trend * (from + i));

/** Park-Miller generator: a fixed noisy series without Math.random. */
function noise(n: number, seed: number): number[] {
  let s = seed;
  return Array.from({ length: n }, () => (s = (s * 16807) % 2147483647) / 2147483647 - 0.5);
}

describe('holtWintersInitialState: first two seasons', () => {
  it('recovers level, trend and the zero-sum season of a noise-free linear trend + season exactly', () => {
    // y_t = 7 + 0.5 t + s_t with s = WEEK - mean(WEEK) = WEEK - 48/7
    const s = holtWintersInitialState(weekly(14, 0.5, 1).map((y) => y - 48 / 7 + 7), 7);
    expect(s.level).toBeCloseTo(7, 12);
    expect(s.trend).toBeCloseTo(0.5, 12);
    // the series starts at t = 1, whose weekday is WEEK[1]
    s.season.forEach((v, i) => expect(v).toBeCloseTo((WEEK[(i + 1) % 7] ?? 0) - 48 / 7, 12));
  });
});

describe('fitHoltWinters / forecastHoltWinters on noise-free series', () => {
  it('forecasts a pure weekly pattern exactly, as seasonal naive does', () => {
    const series = weekly(28);
    const truth = weekly(14, 0, 28);
    expect(seasonalNaive(series, 14)).toEqual(truth);
    const model = fitHoltWinters(series);
    expect(model.method).toBe('holt-winters');
    expect(model.sse).toBeLessThan(1e-20);
    forecastHoltWinters(model, 14).mean.forEach((y, h) => expect(y).toBeCloseTo(truth[h] ?? NaN, 9));
  });

  it('forecasts a linear trend plus season exactly, where seasonal naive lags by the trend', () => {
    const series = weekly(42, 0.5);
    const truth = weekly(14, 0.5, 42);
    forecastHoltWinters(fitHoltWinters(series), 14).mean.forEach((y, h) => expect(y).toBeCloseTo(truth[h] ?? NaN, 9));
    // seasonal naive repeats last week: 0.5 * 7 too low in week 1, 0.5 * 14 in week 2
    const sn = seasonalNaive(series, 14);
    sn.forEach((y, h) => expect((truth[h] ?? NaN) - y).toBeCloseTo(h < 7 ? 3.5 : 7, 12));
  });

  it('forecastDaily keeps the undamped fit when it is exact (AIC tie-break towards the simpler model)', () => {
    const f = forecastDaily(weekly(42, 0.5), 7);
    expect(f.method).toBe('holt-winters');
    f.mean.forEach((y, h) => expect(y).toBeCloseTo(weekly(7, 0.5, 42)[h] ?? NaN, 9));
  });
});

describe('fitHoltWinters on a noisy series', () => {
  // level ~ 60 so no bound is clamped at 0
  const series = weekly(84, 0.2).map((y, i) => 50 + y + 4 * (noise(84, 11)[i] ?? 0));

  it('keeps every parameter inside its admissible interval', () => {
    const plain = fitHoltWinters(series);
    const damped = fitHoltWinters(series, { damped: true });
    expect(damped.method).toBe('holt-winters-damped');
    for (const p of [plain.params.alpha, plain.params.beta, plain.params.gamma, damped.params.alpha, damped.params.beta, damped.params.gamma]) {
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
    }
    expect(plain.params.phi).toBe(1);
    expect(damped.params.phi).toBeGreaterThanOrEqual(0.8);
    expect(damped.params.phi).toBeLessThanOrEqual(0.98);
  });

  it('fits at least as well as any point of a parameter grid (uncmin moved downhill), sigma^2 = SSE / (n - 3)', () => {
    const model = fitHoltWinters(series);
    const initial = holtWintersInitialState(series, 7);
    const grid = [0.05, 0.2, 0.5, 0.8, 0.95];
    for (const alpha of grid) for (const beta of grid) for (const gamma of grid) {
      const sse = etsFilter(series, errorCorrectionWeights({ alpha, beta, gamma, phi: 1 }), initial).sse;
      expect(model.sse).toBeLessThanOrEqual(sse);
    }
    expect(model.sigma2).toBeCloseTo(model.sse / 81, 12);
  });

  it('widens the interval with h, and the 80% interval is z(0.8)/z(0.95) as wide as the 95% one', () => {
    const model = fitHoltWinters(series);
    const f95 = forecastHoltWinters(model, 21, 0.95);
    const f80 = forecastHoltWinters(model, 21, 0.8);
    expect(f95.level).toBe(0.95);
    const width = f95.upper.map((u, i) => u - (f95.lower[i] ?? NaN));
    for (let h = 1; h < width.length; h++) expect(width[h]).toBeGreaterThanOrEqual((width[h - 1] ?? Infinity) - 1e-9);
    expect(width[20]).toBeGreaterThan(width[0] ?? Infinity);
    f80.upper.forEach((u, i) => expect((u - (f80.lower[i] ?? NaN)) / (width[i] ?? NaN)).toBeCloseTo(INTERVAL_Z[0.8] / INTERVAL_Z[0.95], 9));
    expect(f95.lower.every((l, i) => l <= (f95.mean[i] ?? NaN) && (f95.mean[i] ?? NaN) <= (f95.upper[i] ?? NaN))).toBe(true);
  });
});

describe('counts: clamping at zero', () => {
  it('never returns a negative mean or lower bound on a sparse 0/1 series', () => {
    const sparse = noise(70, 5).map((u) => (u > 0.3 ? 1 : 0));
    for (const damped of [false, true]) {
      const f = forecastHoltWinters(fitHoltWinters(sparse, { damped }), 28);
      expect(f.lower.every((l) => l >= 0)).toBe(true);
      expect(f.mean.every((y) => y >= 0)).toBe(true);
      expect(f.lower.some((l) => l === 0)).toBe(true); // the unclamped bound was negative
      expect(f.upper.every((u, i) => u >= (f.mean[i] ?? NaN))).toBe(true);
    }
  });
});

describe('short series fall back and say so', () => {
  it('4 <= n < 2m: simple exponential smoothing, a flat forecast', () => {
    const f = forecastDaily([3, 5, 4, 6, 5, 4, 5, 6, 4, 5], 5);
    expect(f.method).toBe('simple-exponential-smoothing');
    expect(f.model.params.beta).toBe(0);
    expect(f.model.params.gamma).toBe(0);
    expect(new Set(f.mean).size).toBe(1);
    expect(f.mean[0]).toBeGreaterThan(3);
    expect(f.mean[0]).toBeLessThan(6);
  });

  it('m <= n < 4: seasonal naive with sigma^2 from its residuals and variance k + 1', () => {
    // m = 2, y = [1, 5, 2]: residual y3 - y1 = 1, sigma^2 = 1; forecasts y2, y3, y2 = 5, 2, 5
    const f = forecastHoltWinters(fitHoltWinters([1, 5, 2], { seasonLength: 2 }), 3);
    expect(f.method).toBe('seasonal-naive');
    expect(f.mean).toEqual(seasonalNaive([1, 5, 2], 3, 2));
    expect(f.mean).toEqual([5, 2, 5]);
    expect(f.upper[0]).toBeCloseTo(5 + INTERVAL_Z[0.95], 12);
    expect(f.lower[1]).toBeCloseTo(2 - INTERVAL_Z[0.95], 12);
    expect(f.upper[2]).toBeCloseTo(5 + INTERVAL_Z[0.95] * Math.SQRT2, 12);
  });

  it('n < min(m, 4): naive; a single point takes the Poisson variance sigma^2 = y', () => {
    const f = forecastDaily([4], 2);
    expect(f.method).toBe('naive');
    expect(f.mean).toEqual([4, 4]);
    expect(f.upper[0]).toBeCloseTo(4 + INTERVAL_Z[0.95] * 2, 12);
    expect(f.lower[0]).toBeCloseTo(4 - INTERVAL_Z[0.95] * 2, 12);
    expect(f.upper[1]).toBeCloseTo(4 + INTERVAL_Z[0.95] * 2 * Math.SQRT2, 12);
  });
});

describe('invalid input', () => {
  it('rejects an empty series, non-finite values, a bad season length or horizon', () => {
    expectAppError(() => fitHoltWinters([]));
    expectAppError(() => fitHoltWinters([1, Number.NaN, 3]));
    expectAppError(() => fitHoltWinters([1, 2, 3], { seasonLength: 1 }));
    expectAppError(() => forecastHoltWinters(fitHoltWinters([1, 2, 3]), 0));
    expectAppError(() => forecastDaily([1, 2, 3], 1.5));
  });
});
