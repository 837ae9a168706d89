// The published CDNOW fits, reproduced on the 1/10 sample with the paper's protocol (see
// ../shared/data/cdnow/README.md): BG/NBD (Fader, Hardie & Lee 2005, Marketing Science) and Gamma-Gamma
// (Fader, Hardie & Lee 2005, JMR; Fader & Hardie 2013).
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fitBgNbd, fitGammaGamma, summarise, type CustomerSummary } from '../../../src/algorithms/clv/index.ts';
import { byCustomer, CDNOW_CALIBRATION_END, parseCdnow, readCdnow } from '../../../src/eval/clv/cdnow.ts';
import { expectAppError } from '../markov/expect-app-error.ts';

// <repo>/test/algorithms/clv -> <repo>/../shared: works for any clone with the shared folder beside it.
const SAMPLE = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/data/cdnow/CDNOW_sample.txt');
const round = (v: number, digits: number): number => Number(v.toFixed(digits));

describe('CDNOW reader', () => {
  it('reads both layouts: the sample (5 fields) and the master file (header, 4 fields)', () => {
    const sample = parseCdnow(' 00004 0001 19970101  2   29.33\n 00004 0001 19970118  2   29.73\n');
    expect(sample).toEqual([
      { customerId: '00004', ts: Date.UTC(1997, 0, 1), units: 2, value: 29.33 },
      { customerId: '00004', ts: Date.UTC(1997, 0, 18), units: 2, value: 29.73 },
    ]);
    const master = parseCdnow('customer_id date number_of_cds dollar_value\n1 19970101 1 11.77\n');
    expect(master).toEqual([{ customerId: '1', ts: Date.UTC(1997, 0, 1), units: 1, value: 11.77 }]);
  });

  it('rejects malformed lines and impossible dates', () => {
    expectAppError(() => parseCdnow('1 19970101 1\n'));
    expectAppError(() => parseCdnow('1 19970231 1 5\n'));
    expectAppError(() => parseCdnow('1 19970101 1 abc\n'));
  });
});

describe.skipIf(!existsSync(SAMPLE))(`CDNOW published fits (needs ${SAMPLE})`, () => {
  const lines = existsSync(SAMPLE) ? readCdnow(SAMPLE) : [];
  const summaries = [...byCustomer(lines).values()]
    .map((purchases) => summarise(purchases, CDNOW_CALIBRATION_END, 7))
    .filter((s): s is CustomerSummary => s !== undefined);
  const repeaters = summaries.filter((s) => s.x >= 1);

  it('has the paper\'s cohort: 6,919 lines, 2,357 customers, 946 with a repeat purchase in calibration', () => {
    expect(lines.length).toBe(6919);
    expect(summaries.length).toBe(2357);
    expect(repeaters.length).toBe(946);
  });

  it('BG/NBD: r = 0.243, alpha = 4.414, a = 0.793, b = 2.426, LL = -9582.4', () => {
    const fit = fitBgNbd(summaries);
    expect(fit.converged).toBe(true);
    expect([fit.r, fit.alpha, fit.a, fit.b].map((v) => round(v, 3))).toEqual([0.243, 4.414, 0.793, 2.426]);
    expect(round(fit.logLikelihood, 1)).toBe(-9582.4);
  });

  it('Gamma-Gamma on the 946 repeaters: p = 6.25, q = 3.74, gamma = 15.44', () => {
    const fit = fitGammaGamma(repeaters);
    expect(fit.converged).toBe(true);
    expect([fit.p, fit.q, fit.gamma].map((v) => round(v, 2))).toEqual([6.25, 3.74, 15.44]);
  });
});
