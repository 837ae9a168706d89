import { GrowthBook, type Experiment } from '@growthbook/growthbook';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignVariant } from '../../../../src/algorithms/experiments/assignment/assign-variant.ts';
import type { ExperimentDefinition } from '../../../../src/algorithms/experiments/assignment/experiment-definition.ts';
import { expectAppError } from '../../markov/expect-app-error.ts';

const AB: ExperimentDefinition = { key: 'checkout-button', variants: ['control', 'green'] };

/** The plain way a frontend asks GrowthBook: one SDK instance per user. */
function growthBookRun(experiment: Experiment<string>, id: string) {
  const gb = new GrowthBook({ attributes: { id } });
  try {
    return gb.run(experiment);
  } finally {
    gb.destroy();
  }
}

function countVariants(experiment: ExperimentDefinition, users: number, prefix = 'user-'): { counts: number[]; out: number } {
  const counts = experiment.variants.map(() => 0);
  let out = 0;
  for (let i = 0; i < users; i++) {
    const a = assignVariant(experiment, `${prefix}${i}`);
    if (a.inExperiment) counts[a.variantIndex] = (counts[a.variantIndex] ?? 0) + 1;
    else out++;
  }
  return { counts, out };
}

describe('assignVariant: validation', () => {
  it('weights must sum to 1, naming the field and the sum', () => {
    const err = expectAppError(() => assignVariant({ ...AB, weights: [0.5, 0.4] }, 'u1'));
    expect(err.message).toBe('weights must sum to 1, got 0.9');
    expect(err.details).toEqual({ field: 'weights', sum: 0.9 });
  });

  it('accepts a sum off by float rounding, refuses one off by more than 1e-6', () => {
    expect(assignVariant({ key: 'k', variants: ['a', 'b', 'c'], weights: [0.1, 0.2, 0.7] }, 'u1').inExperiment).toBe(true);
    expectAppError(() => assignVariant({ ...AB, weights: [0.5, 0.500002] }, 'u1'));
  });

  it.each([
    ['key', { ...AB, key: '' }, 'key must be non-empty'],
    ['key', { ...AB, key: '   ' }, 'key must be non-empty'],
    ['variants', { ...AB, variants: ['only'] }, 'variants must have at least 2 entries, got 1'],
    ['weights', { ...AB, weights: [1] }, 'weights must have one entry per variant (2), got 1'],
    ['weights', { ...AB, weights: [1.5, -0.5] }, 'weights must be non-negative, got -0.5 at 1'],
    ['weights', { ...AB, weights: [Number.NaN, 1] }, 'weights must be non-negative, got NaN at 0'],
    ['coverage', { ...AB, coverage: 1.2 }, 'coverage must be in [0, 1], got 1.2'],
    ['coverage', { ...AB, coverage: -0.1 }, 'coverage must be in [0, 1], got -0.1'],
    ['coverage', { ...AB, coverage: Number.NaN }, 'coverage must be in [0, 1], got NaN'],
  ] as const)('INVALID_INPUT on %s: %s', (field, experiment, message) => {
    const err = expectAppError(() => assignVariant(experiment, 'u1'));
    expect(err.message).toBe(message);
    expect(err.details['field']).toBe(field);
  });

  it('rejects hash settings that bypass the types (parsed JSON) and an empty user id', () => {
    const json = JSON.parse('{"key":"k","variants":["a","b"],"hashVersion":3,"hashAttribute":"email"}') as ExperimentDefinition;
    expect(expectAppError(() => assignVariant(json, 'u1')).details['field']).toBe('hashAttribute');
    expect(expectAppError(() => assignVariant({ ...json, hashAttribute: 'id' }, 'u1')).details['field']).toBe('hashVersion');
    expect(expectAppError(() => assignVariant(AB, '')).details['field']).toBe('userId');
  });
});

describe('assignVariant: same answer as the GrowthBook SDK', () => {
  const user = fc.oneof(fc.uuid(), fc.nat().map((n) => String(n)), fc.string({ minLength: 1, unit: 'binary' }), fc.emailAddress());
  const settings: ReadonlyArray<{ name: string; experiment: ExperimentDefinition }> = [
    { name: 'A/B, defaults', experiment: AB },
    { name: '3 variants, 50/30/20, coverage 0.8', experiment: { key: 'ranker', variants: ['a', 'b', 'c'], weights: [0.5, 0.3, 0.2], coverage: 0.8 } },
    { name: '10/90, coverage 0.25, seed', experiment: { key: 'banner', seed: 'banner-seed-2', variants: ['off', 'on'], weights: [0.1, 0.9], coverage: 0.25 } },
    { name: 'a zero weight, coverage 0.5, hashVersion 1', experiment: { key: 'legacy', variants: ['a', 'b', 'c', 'd'], weights: [0.25, 0, 0.25, 0.5], coverage: 0.5, hashVersion: 1 } },
    { name: 'coverage 0', experiment: { key: 'paused', variants: ['a', 'b'], coverage: 0 } },
  ];

  it.each(settings)('10,000 generated users: $name', ({ experiment }) => {
    const gbExperiment: Experiment<string> = {
      key: experiment.key,
      variations: [experiment.variants[0] ?? '', experiment.variants[1] ?? '', ...experiment.variants.slice(2)],
      hashVersion: experiment.hashVersion ?? 2,
      ...(experiment.weights ? { weights: [...experiment.weights] } : {}),
      ...(experiment.coverage !== undefined ? { coverage: experiment.coverage } : {}),
      ...(experiment.seed !== undefined ? { seed: experiment.seed } : {}),
    };
    let enrolled = 0;
    fc.assert(
      fc.property(user, (id) => {
        const ours = assignVariant(experiment, id);
        const theirs = growthBookRun(gbExperiment, id);
        expect(ours.inExperiment).toBe(theirs.inExperiment);
        expect(ours.variantIndex).toBe(theirs.variationId);
        expect(ours.variant).toBe(theirs.inExperiment ? theirs.value : null);
        if (theirs.inExperiment) {
          enrolled++;
          expect(ours.hashValue).toBe(theirs.bucket);
        }
      }),
      { numRuns: 10_000, seed: 42 },
    );
    // The comparison covered both sides of the coverage line, not only excluded users.
    if (experiment.coverage === 0) expect(enrolled).toBe(0);
    else expect(enrolled).toBeGreaterThan(1_000);
  });

  it('defaults to hashVersion 2, which differs from the SDK fallback (1) when an experiment omits it', () => {
    const ids = Array.from({ length: 200 }, (_, i) => `u${i}`);
    const ours = ids.map((id) => assignVariant(AB, id).hashValue);
    expect(ours).toEqual(ids.map((id) => assignVariant({ ...AB, hashVersion: 2 }, id).hashValue));
    expect(ours).not.toEqual(ids.map((id) => assignVariant({ ...AB, hashVersion: 1 }, id).hashValue));
    const sdkDefault = ids.map((id) => growthBookRun({ key: AB.key, variations: ['control', 'green'] }, id).bucket);
    expect(sdkDefault).toEqual(ids.map((id) => assignVariant({ ...AB, hashVersion: 1 }, id).hashValue));
  });
});

describe('assignVariant: behaviour', () => {
  it('is deterministic and does not depend on call order or other experiments', () => {
    const ids = Array.from({ length: 500 }, (_, i) => `u${i}`);
    const first = ids.map((id) => assignVariant(AB, id));
    const other: ExperimentDefinition = { key: 'other', variants: ['x', 'y', 'z'], coverage: 0.3 };
    const second = [...ids].reverse().map((id) => {
      assignVariant(other, id);
      return assignVariant(AB, id);
    });
    expect(second.reverse()).toEqual(first);
  });

  it('reports the hash of users left out by coverage, the same one they get when coverage grows', () => {
    const ids = Array.from({ length: 2_000 }, (_, i) => `u${i}`);
    const narrow = ids.map((id) => assignVariant({ ...AB, coverage: 0.2 }, id));
    const full = ids.map((id) => assignVariant({ ...AB, coverage: 1 }, id));
    expect(narrow.filter((a) => !a.inExperiment).length).toBeGreaterThan(1_000);
    expect(narrow.map((a) => a.hashValue)).toEqual(full.map((a) => a.hashValue));
    narrow.forEach((a) => {
      expect(a.hashValue).toBeGreaterThanOrEqual(0);
      expect(a.hashValue).toBeLessThan(1);
      if (!a.inExperiment) {
        expect(a.variant).toBeNull();
        expect(a.variantIndex).toBe(0);
      }
    });
  });

  it('growing coverage keeps enrolled users in their variant (GrowthBook ranges grow from each start)', () => {
    const ids = Array.from({ length: 5_000 }, (_, i) => `u${i}`);
    const exp: ExperimentDefinition = { key: 'grow', variants: ['a', 'b', 'c'], weights: [0.2, 0.3, 0.5] };
    const at30 = ids.map((id) => assignVariant({ ...exp, coverage: 0.3 }, id));
    const at60 = ids.map((id) => assignVariant({ ...exp, coverage: 0.6 }, id));
    let kept = 0;
    at30.forEach((a, i) => {
      if (!a.inExperiment) return;
      kept++;
      expect(at60[i]).toEqual(a);
    });
    expect(kept).toBeGreaterThan(1_000);
  });

  it('a zero-weight variant is never assigned', () => {
    const { counts } = countVariants({ key: 'z', variants: ['a', 'b', 'c'], weights: [0.5, 0, 0.5] }, 20_000);
    expect(counts[1]).toBe(0);
  });

  // n users, share p: count ~ Binomial(n, p); |count - np| <= 4 sqrt(np(1-p)) fails by chance with
  // probability ~6e-5 per cell, and the ids are fixed, so the outcome is deterministic anyway.
  it.each([
    { key: 'split-3', variants: ['a', 'b', 'c'], weights: [0.5, 0.3, 0.2] },
    { key: 'split-cov', variants: ['off', 'on'], weights: [0.1, 0.9], coverage: 0.5 },
    { key: 'split-v1', variants: ['a', 'b', 'c', 'd'], weights: [0.4, 0.3, 0.2, 0.1], coverage: 0.7, hashVersion: 1 },
  ] satisfies ExperimentDefinition[])('splits 100,000 users within 4 sigma of the weights: $key', (experiment) => {
    const n = 100_000;
    const coverage = experiment.coverage ?? 1;
    const { counts, out } = countVariants(experiment, n);
    const shares = [...experiment.weights.map((w) => w * coverage), 1 - coverage];
    [...counts, out].forEach((count, i) => {
      const p = shares[i] ?? Number.NaN;
      expect(Math.abs(count - n * p)).toBeLessThanOrEqual(4 * Math.sqrt(n * p * (1 - p)));
    });
  });

  /** Pearson chi-square statistic of the contingency table of two experiments' variant indices. */
  function chiSquare(a: ExperimentDefinition, b: ExperimentDefinition, users: number): number {
    const table = a.variants.map(() => b.variants.map(() => 0));
    for (let i = 0; i < users; i++) {
      const row = table[assignVariant(a, `user-${i}`).variantIndex];
      const j = assignVariant(b, `user-${i}`).variantIndex;
      if (row) row[j] = (row[j] ?? 0) + 1;
    }
    const rows = table.map((r) => r.reduce((s, x) => s + x, 0));
    const cols = b.variants.map((_, j) => table.reduce((s, r) => s + (r[j] ?? 0), 0));
    let chi2 = 0;
    table.forEach((r, i) =>
      r.forEach((observed, j) => {
        const expected = ((rows[i] ?? 0) * (cols[j] ?? 0)) / users;
        chi2 += (observed - expected) ** 2 / expected;
      }),
    );
    return chi2;
  }

  it('two experiments with different keys split users independently (chi-square test)', () => {
    const a: ExperimentDefinition = { key: 'home-hero', variants: ['a', 'b'] };
    const b: ExperimentDefinition = { key: 'home-hero-2', variants: ['x', 'y', 'z'] };
    // df = (2-1)(3-1) = 2; the 1e-4 upper quantile of chi-square(2) is -2 ln(1e-4) = 18.42.
    expect(chiSquare(a, b, 100_000)).toBeLessThan(18.42);
    // The same test does detect dependence: sharing a seed gives both experiments the same hash.
    expect(chiSquare(a, { ...b, seed: 'home-hero' }, 100_000)).toBeGreaterThan(1_000);
  });
});
