import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digamma, hyp2f1, lgamma } from '../../../src/algorithms/clv/index.ts';
import { expectAppError } from '../markov/expect-app-error.ts';

const EULER_GAMMA = 0.5772156649015329;

describe('lgamma (Lanczos)', () => {
  it('matches known values', () => {
    expect(lgamma(1)).toBeCloseTo(0, 14);
    expect(lgamma(2)).toBeCloseTo(0, 14);
    expect(lgamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14); // Gamma(1/2) = sqrt(pi)
    expect(lgamma(1.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI) / 2), 14);
    expect(lgamma(10)).toBeCloseTo(Math.log(362880), 12); // 9!
    expect(lgamma(-0.5)).toBeCloseTo(Math.log(2 * Math.sqrt(Math.PI)), 13); // Gamma(-1/2) = -2 sqrt(pi)
  });

  it('matches ln((n-1)!) summed term by term for large n, relative error < 1e-14', () => {
    let logFactorial = 0;
    for (let k = 2; k < 171; k++) logFactorial += Math.log(k);
    expect(Math.abs(lgamma(171) - logFactorial) / logFactorial).toBeLessThan(1e-14);
    // Beyond the double range of Gamma itself (171! overflows) the log stays finite.
    expect(lgamma(1000)).toBeCloseTo(5905.220423209181, 9);
  });

  it('satisfies the recurrence lnG(x+1) = lnG(x) + ln x', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 500, noNaN: true }), (x) => {
        expect(lgamma(x + 1) - lgamma(x)).toBeCloseTo(Math.log(x), 10);
      }),
    );
  });

  it('rejects poles', () => {
    expectAppError(() => lgamma(0));
    expectAppError(() => lgamma(-3));
    expectAppError(() => lgamma(Number.NaN));
  });
});

describe('digamma', () => {
  it('matches known values', () => {
    expect(digamma(1)).toBeCloseTo(-EULER_GAMMA, 14);
    expect(digamma(0.5)).toBeCloseTo(-EULER_GAMMA - 2 * Math.LN2, 13);
    expect(digamma(4)).toBeCloseTo(1 + 1 / 2 + 1 / 3 - EULER_GAMMA, 13);
  });

  it('is the derivative of lgamma (central difference)', () => {
    for (const x of [0.05, 0.3, 1.7, 6.25, 42]) {
      const h = 1e-5 * Math.max(1, x);
      expect(digamma(x)).toBeCloseTo((lgamma(x + h) - lgamma(x - h)) / (2 * h), 6);
    }
  });
});

describe('hyp2f1 (Gauss series)', () => {
  it('matches elementary closed forms (Abramowitz & Stegun 15.1.3, 15.1.6, 15.1.8)', () => {
    expect(hyp2f1(1, 1, 2, 0.5)).toBeCloseTo(2 * Math.LN2, 14); // -ln(1-z)/z
    expect(hyp2f1(0.3, 2.5, 2.5, 0.4)).toBeCloseTo(Math.pow(0.6, -0.3), 14); // (1-z)^-a
    const s = 0.7;
    expect(hyp2f1(0.5, 0.5, 1.5, s * s)).toBeCloseTo(Math.asin(s) / s, 13);
  });

  it('ends a terminating series exactly (a = -2 is a polynomial)', () => {
    const [b, c, z] = [1.5, 2.5, 0.9];
    expect(hyp2f1(-2, b, c, z)).toBeCloseTo(1 - (2 * b * z) / c + (b * (b + 1) * z * z) / (c * (c + 1)), 15);
  });

  it('converges close to z = 1 within the guard', () => {
    const z = 0.999;
    expect(hyp2f1(1, 1, 2, z)).toBeCloseTo(-Math.log(1 - z) / z, 10);
  });

  it('gives up with INVALID_INPUT when the guard is hit, and rejects |z| >= 1', () => {
    expectAppError(() => hyp2f1(1, 1, 2, 0.999, { maxTerms: 10 }));
    expectAppError(() => hyp2f1(1, 1, 2, 1));
    expectAppError(() => hyp2f1(1, 1, -2, 0.5));
  });
});
