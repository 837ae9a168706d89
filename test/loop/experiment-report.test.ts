import { describe, expect, it } from 'vitest';
import {
  experimentReport, plannedStandardErrors, type ArmFigures, type ExperimentPlan, type ReportArm,
} from '../../src/algorithms/experiments/experiment-report.ts';
import { mixingVariance } from '../../src/algorithms/experiments/sequential.ts';
import { expectClose } from '../algorithms/experiments/close.ts';

const Z = 1.959963984540054;
const PLAN: ExperimentPlan = { usersPerVariant: 10_000, baselineConversionRate: 0.05, orderValueMean: 20, orderValueMeanSq: 500 };

const figures = (f: Partial<ArmFigures> & { exposed: number; conversions: number }): ArmFigures => ({
  assigned: f.assigned ?? f.exposed, impressions: f.impressions ?? 0, clicks: f.clicks ?? 0, revenue: f.revenue ?? { n: f.exposed, sum: 0, sumSq: 0 }, ...f,
});
const arms = (a: ArmFigures, b: ArmFigures): ReportArm[] => [
  { variant: 'control', strategy: 'HYBRID', weight: 0.5, figures: a },
  { variant: 'graph', strategy: 'GRAPH', weight: 0.5, figures: b },
];

/** Half-width of the mSPRT interval by hand (sequential.ts): sqrt(V (V + tau2) / tau2 (ln((V + tau2)/V) - 2 ln alpha)). */
const sequentialHalf = (se: number, tau2: number, alpha = 0.05): number => {
  const v = se * se;
  return Math.sqrt(((v * (v + tau2)) / tau2) * (Math.log((v + tau2) / v) - 2 * Math.log(alpha)));
};

describe('plannedStandardErrors', () => {
  it('conversion sqrt(2 p0 (1 - p0) / N); revenue sqrt(2 (p0 E[V^2] - (p0 E[V])^2) / N)', () => {
    const se = plannedStandardErrors(PLAN);
    expectClose(se.conversion, Math.sqrt((2 * 0.05 * 0.95) / 10_000), 1e-12); // 0.0030822
    expectClose(se.revenue, Math.sqrt((2 * (0.05 * 500 - 1)) / 10_000), 1e-12); // Var X = 25 - 1 = 24
  });

  it('refuses a plan that cannot be tuned for', () => {
    expect(() => plannedStandardErrors({ ...PLAN, baselineConversionRate: 0 })).toThrow(/baselineConversionRate/);
    expect(() => plannedStandardErrors({ ...PLAN, usersPerVariant: 0 })).toThrow(/plannedUsersPerVariant/);
  });
});

describe('experimentReport: conversion, 20/100 exposed users (control) against 30/100', () => {
  const control = figures({ exposed: 100, conversions: 20, impressions: 400, clicks: 40 });
  const treatment = figures({ exposed: 100, conversions: 30, impressions: 500, clicks: 75 });
  const report = experimentReport(arms(control, treatment), PLAN, 0.95);
  const [c, t] = report.variants;

  it('each arm: counts as given, CTR and conversion with Wilson intervals', () => {
    expect(c).toMatchObject({ variant: 'control', isControl: true, strategy: 'HYBRID', assigned: 100, exposed: 100, impressions: 400, clicks: 40, conversions: 20, revenue: 0 });
    expect(c?.conversionLift).toBeNull();
    expect(c?.revenueLift).toBeNull();
    // Wilson 30/100 by hand: centre (0.3 + z^2/200) / (1 + z^2/100), half z/(1 + z^2/100) sqrt(0.3*0.7/100 + z^2/40000);
    // statsmodels proportion_confint(30, 100, method='wilson') = [0.21894885294932756, 0.39584854633346667].
    expect(t?.conversionRate?.value).toBe(0.3);
    expectClose(t?.conversionRate?.lower, 0.21894885294932756, 1e-7);
    expectClose(t?.conversionRate?.upper, 0.39584854633346667, 1e-7);
    const z2 = Z * Z;
    const centre = (0.15 + z2 / 1000) / (1 + z2 / 500);
    const half = (Z / (1 + z2 / 500)) * Math.sqrt((0.15 * 0.85) / 500 + z2 / (4 * 500 * 500));
    expect(t?.ctr?.value).toBe(0.15);
    expectClose(t?.ctr?.lower, centre - half, 1e-12);
    expectClose(t?.ctr?.upper, centre + half, 1e-12);
  });

  it('conversion lift: difference 0.1 with the unpooled interval, pooled z p-value, log-ratio relative lift (statsmodels)', () => {
    const lift = t?.conversionLift;
    expectClose(lift?.difference, 0.1, 1e-12);
    // d +- z sqrt(0.2*0.8/100 + 0.3*0.7/100) = 0.1 +- z sqrt(0.0037)
    expectClose(lift?.lower, 0.1 - Z * Math.sqrt(0.0037), 1e-12);
    expectClose(lift?.upper, 0.2192199548589424, 1e-7);
    expectClose(lift?.lower, -0.019219954858942456, 1e-7);
    // pooled p = 0.25, z = 0.1 / sqrt(0.25*0.75*2/100) = 1.63299; statsmodels p = 0.10247
    expectClose(lift?.pValue, 0.10247043485974941, 1e-7);
    expect(lift?.significant).toBe(false);
    expectClose(lift?.relative, 0.5, 1e-12);
    expectClose(lift?.relativeLower, -0.08403917067763422, 1e-7);
    expectClose(lift?.relativeUpper, 1.4564369217235686, 1e-7);
  });

  it('sequential interval: mSPRT around the same difference and SE, tau^2 from the planned SE', () => {
    const lift = t?.conversionLift;
    const h = sequentialHalf(Math.sqrt(0.0037), mixingVariance(Math.sqrt((2 * 0.05 * 0.95) / 10_000), 0.05));
    expectClose(lift?.sequentialLower, 0.1 - h, 1e-12);
    expectClose(lift?.sequentialUpper, 0.1 + h, 1e-12);
    // Wider than the fixed-n interval: always valid costs width.
    expect(h).toBeGreaterThan(Z * Math.sqrt(0.0037));
    expect(lift?.sequentialSignificant).toBe(false);
    expect(lift?.sequentialPValue).toBeGreaterThan(0.05);
  });

  it('no revenue at all: revenue per user 0 +- 0, no revenue lift (no variance), never NaN', () => {
    expect(c?.revenuePerUser).toEqual({ value: 0, lower: 0, upper: 0 });
    expect(t?.revenueLift).toBeNull();
    expect(JSON.stringify(report)).not.toMatch(/NaN/);
  });

  it('sample ratio: 100 and 100 at 50/50 is no mismatch', () => {
    expect(report.sampleRatio).toEqual({ observed: [100, 100], expected: [100, 100], chiSquare: 0, pValue: 1, mismatch: false });
  });
});

describe('experimentReport: revenue, Welch against scipy', () => {
  // Welch fixture of test/algorithms/experiments/welch.test.ts: A {n 12, sum 30, sumSq 100}, B {n 8, sum 40, sumSq 260}
  // (scipy ttest_ind_from_stats): t 2.22645, p 0.0514821, df 9.50448, 95% CI [-0.0196895, 5.0196895].
  const control = figures({ exposed: 12, conversions: 3, revenue: { n: 12, sum: 30, sumSq: 100 } });
  const treatment = figures({ exposed: 8, conversions: 4, revenue: { n: 8, sum: 40, sumSq: 260 } });
  const [c, t] = experimentReport(arms(control, treatment), PLAN, 0.95).variants;

  it('revenue per user: mean with a t interval on n - 1 degrees of freedom', () => {
    // mean 2.5, s^2 = (100 - 900/12)/11 = 25/11; t_{0.975; 11} = 2.200985160082949
    expect(c?.revenue).toBe(30);
    expectClose(c?.revenuePerUser?.value, 2.5, 1e-12);
    expectClose(c?.revenuePerUser?.upper, 2.5 + 2.200985160082949 * Math.sqrt(25 / 11 / 12), 1e-8); // jstat's t quantile: ~1e-9
  });

  it('revenue lift: Welch difference, interval and p; relative lift of the means with its log-ratio interval', () => {
    const lift = t?.revenueLift;
    expectClose(lift?.difference, 2.5, 1e-12);
    expectClose(lift?.lower, -0.01968949905843287, 1e-6); // the tolerance of welch.test.ts (jstat's t quantile)
    expectClose(lift?.upper, 5.019689499058433, 1e-6);
    expectClose(lift?.pValue, 0.05148211718686305, 1e-6);
    expect(lift?.significant).toBe(false);
    // mB/mA - 1 = 5/2.5 - 1 = 1; Var ln ratio = (25/11)/(12*2.5^2) + (60/7)/(8*5^2)
    expectClose(lift?.relative, 1, 1e-12);
    const seLog = Math.sqrt(25 / 11 / (12 * 6.25) + 60 / 7 / (8 * 25));
    expectClose(lift?.relativeLower, Math.exp(Math.log(2) - Z * seLog) - 1, 1e-9);
    expectClose(lift?.relativeUpper, Math.exp(Math.log(2) + Z * seLog) - 1, 1e-9);
    const se = Math.sqrt(25 / 11 / 12 + 60 / 7 / 8);
    const h = sequentialHalf(se, mixingVariance(Math.sqrt((2 * 24) / 10_000), 0.05));
    expectClose(lift?.sequentialLower, 2.5 - h, 1e-12);
  });

  it('conversion lift by hand: 3/12 against 4/8', () => {
    const lift = t?.conversionLift;
    const se = Math.sqrt((0.25 * 0.75) / 12 + (0.5 * 0.5) / 8);
    expectClose(lift?.difference, 0.25, 1e-12);
    expectClose(lift?.upper, 0.25 + Z * se, 1e-12);
  });

  it('at 90% confidence the same p-value is significant', () => {
    const r90 = experimentReport(arms(control, treatment), PLAN, 0.9).variants[1];
    expect(r90?.revenueLift?.significant).toBe(true);
    expect(r90?.revenueLift?.pValue).toBe(t?.revenueLift?.pValue);
  });
});

describe('experimentReport: undefined figures are null', () => {
  it('nobody assigned: no rates, no lifts, no sample-ratio check', () => {
    const empty = figures({ exposed: 0, conversions: 0, assigned: 0 });
    const r = experimentReport(arms(empty, empty), PLAN, 0.95);
    expect(r.sampleRatio).toBeNull();
    expect(r.variants[1]).toMatchObject({ ctr: null, conversionRate: null, revenuePerUser: null, conversionLift: null, revenueLift: null });
  });

  it('more clicks than impressions (views sent for items never reported): CTR null', () => {
    const r = experimentReport(arms(figures({ exposed: 2, conversions: 0, impressions: 1, clicks: 2 }), figures({ exposed: 2, conversions: 1 })), PLAN, 0.95);
    expect(r.variants[0]?.ctr).toBeNull();
  });

  it('a skewed split, 100 against 50 at 50/50, is a mismatch (chi-square 50/3, p < 0.001)', () => {
    const r = experimentReport(arms(figures({ exposed: 0, conversions: 0, assigned: 100 }), figures({ exposed: 0, conversions: 0, assigned: 50 })), PLAN, 0.95);
    expect(r.sampleRatio?.observed).toEqual([100, 50]);
    expect(r.sampleRatio?.expected).toEqual([75, 75]);
    expectClose(r.sampleRatio?.chiSquare, 50 / 3, 1e-12);
    expect(r.sampleRatio?.pValue).toBeLessThan(0.001);
    expect(r.sampleRatio?.mismatch).toBe(true);
  });

  it('confidence outside (0, 1) is INVALID_INPUT', () => {
    expect(() => experimentReport(arms(figures({ exposed: 1, conversions: 0 }), figures({ exposed: 1, conversions: 0 })), PLAN, 1)).toThrow(/confidence/);
  });
});
