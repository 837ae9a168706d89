import { describe, expect, it } from 'vitest';
import { proportionInterval, twoProportionTest } from '../../../src/algorithms/experiments/proportions.ts';
import { expectClose } from './close.ts';

// Reference values from statsmodels 0.15.0 / scipy 1.17.1: `python test/algorithms/experiments/reference.py`
// (section "proportions"): proportions_ztest(prop_var=False) for z and p (pooled SE),
// confint_proportions_2indep(method='wald', compare='diff') for the difference (unpooled SE),
// confint_proportions_2indep(method='log', compare='ratio') - 1 for the lift (Katz log / delta method),
// proportion_confint(method='wilson' | 'normal') for arm B.
const FIXTURES = [
  { a: [20, 100], b: [30, 100], z: 1.6329931618554518, p: 0.10247043485974941, diff: [-0.019219954858942456, 0.2192199548589424], lift: [-0.08403917067763422, 1.4564369217235686], wilsonB: [0.21894885294932756, 0.39584854633346667], normalB: [0.2101831668145794, 0.3898168331854206] },
  { a: [500, 10000], b: [560, 10000], z: 1.8937529756356748, p: 0.05825780603351623, diff: [-0.00020922034622822532, 0.012209220346228223], lift: [-0.004027460720327891, 0.25947247592512235], wilsonB: [0.051661752823658105, 0.060679237729502705], normalB: [0.05149361698146757, 0.06050638301853243] },
  { a: [3, 40], b: [9, 45], z: 1.651975778455223, p: 0.09853948864420588, diff: [-0.01755192174607212, 0.2675519217460721], lift: [-0.22465654566763416, 8.17156270730932], wilsonB: [0.10896126807831281, 0.3382296911614202], normalB: [0.08313032792312243, 0.3168696720768776] },
  { a: [120, 1000], b: [95, 1000], z: -1.8047484035755383, p: 0.07111406169644634, diff: [-0.05212798321981339, 0.002127983219813407], lift: [-0.38621207495135923, 0.021095537292370903], wilsonB: [0.07834523457904741, 0.11475443979425223], normalB: [0.07682668378888494, 0.11317331621111507] },
] as const;

const arm = (pair: readonly [number, number]) => ({ conversions: pair[0], n: pair[1] });

describe('twoProportionTest', () => {
  it('20/100 (A) vs 30/100 (B) by hand', () => {
    // pooled p = 50/200 = 0.25, SE0 = sqrt(0.25 * 0.75 * (2/100)) = sqrt(0.00375) = 0.0612372, z = 0.1 / SE0
    // unpooled SE = sqrt(0.2*0.8/100 + 0.3*0.7/100) = sqrt(0.0037) = 0.0608276
    // lift 0.5; SE of ln ratio = sqrt(0.8/20 + 0.7/30) = 0.2516611
    const r = twoProportionTest(arm([20, 100]), arm([30, 100]));
    expect(r.rateA).toBe(0.2);
    expect(r.rateB).toBe(0.3);
    expectClose(r.z, 0.1 / Math.sqrt(0.00375), 1e-12);
    expectClose(r.difference?.estimate, 0.1, 1e-12);
    expectClose(r.difference?.standardError, Math.sqrt(0.0037), 1e-12);
    expectClose(r.lift?.estimate, 0.5, 1e-12);
    expectClose(r.lift?.lower, Math.exp(Math.log(1.5) - 1.959963984540054 * Math.sqrt(0.8 / 20 + 0.7 / 30)) - 1, 1e-9);
  });

  it.each(FIXTURES)('matches statsmodels for A=$a B=$b', (f) => {
    const r = twoProportionTest(arm(f.a), arm(f.b));
    expectClose(r.z, f.z, 1e-12);
    expectClose(r.pValue, f.p, 1e-7);
    expectClose(r.difference?.lower, f.diff[0], 1e-7);
    expectClose(r.difference?.upper, f.diff[1], 1e-7);
    expectClose(r.lift?.lower, f.lift[0], 1e-7);
    expectClose(r.lift?.upper, f.lift[1], 1e-7);
  });

  it('a 99% interval is wider than the 95% one and the p-value does not change', () => {
    const r95 = twoProportionTest(arm([20, 100]), arm([30, 100]));
    const r99 = twoProportionTest(arm([20, 100]), arm([30, 100]), 0.99);
    expect(r99.difference!.lower).toBeLessThan(r95.difference!.lower);
    expect(r99.lift!.upper).toBeGreaterThan(r95.lift!.upper);
    expect(r99.pValue).toBe(r95.pValue);
  });

  it('an empty arm gives nulls, not NaN', () => {
    expect(twoProportionTest(arm([0, 0]), arm([3, 10]))).toEqual({ rateA: null, rateB: 0.3, difference: null, lift: null, z: null, pValue: null });
    expect(twoProportionTest(arm([3, 10]), arm([0, 0]))).toEqual({ rateA: 0.3, rateB: null, difference: null, lift: null, z: null, pValue: null });
  });

  it('zero conversions in both arms: rates 0, no test, no interval, no lift', () => {
    expect(twoProportionTest(arm([0, 50]), arm([0, 70]))).toEqual({ rateA: 0, rateB: 0, difference: null, lift: null, z: null, pValue: null });
  });

  it('zero conversions in the control only: the test and difference exist, the lift does not', () => {
    const r = twoProportionTest(arm([0, 100]), arm([5, 100]));
    // pooled 5/200: SE0 = sqrt(0.025 * 0.975 * 0.02); unpooled SE = sqrt(0.05 * 0.95 / 100)
    expectClose(r.z, 0.05 / Math.sqrt(0.025 * 0.975 * 0.02), 1e-12);
    expectClose(r.difference?.standardError, Math.sqrt(0.000475), 1e-12);
    expect(r.lift).toBeNull();
  });

  it('zero conversions in the treatment only: no lift interval (log ratio is -infinity)', () => {
    const r = twoProportionTest(arm([5, 100]), arm([0, 100]));
    expect(r.z).toBeLessThan(0);
    expect(r.lift).toBeNull();
  });

  it('rejects impossible counts and confidence levels', () => {
    expect(() => twoProportionTest(arm([11, 10]), arm([1, 10]))).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => twoProportionTest(arm([1, 10]), { conversions: 1.5, n: 10 })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => twoProportionTest(arm([1, 10]), arm([1, 10]), 1)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

describe('proportionInterval', () => {
  it.each(FIXTURES)('Wilson and normal intervals of B=$b match statsmodels', (f) => {
    const w = proportionInterval(arm(f.b));
    expectClose(w?.lower, f.wilsonB[0], 1e-7);
    expectClose(w?.upper, f.wilsonB[1], 1e-7);
    const n = proportionInterval(arm(f.b), { method: 'normal' });
    expectClose(n?.lower, f.normalB[0], 1e-7);
    expectClose(n?.upper, f.normalB[1], 1e-7);
  });

  it('n = 0 is null; 0 conversions keeps Wilson above a point and clips the normal interval at 0', () => {
    expect(proportionInterval(arm([0, 0]))).toBeNull();
    const w = proportionInterval(arm([0, 20]));
    // Wilson upper bound at x = 0: z^2 / (n + z^2)
    const z2 = 1.959963984540054 ** 2;
    expect(w?.lower).toBe(0);
    expectClose(w?.upper, z2 / (20 + z2), 1e-9);
    expect(proportionInterval(arm([0, 20]), { method: 'normal' })).toEqual({ estimate: 0, lower: 0, upper: 0 });
  });
});
