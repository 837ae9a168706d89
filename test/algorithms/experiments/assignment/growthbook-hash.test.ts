import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignVariant } from '../../../../src/algorithms/experiments/assignment/assign-variant.ts';

// The npm package does not ship GrowthBook's cases.json (checked: no JSON under node_modules/@growthbook
// besides package.json), so the proof of compatibility is built here from three sides that must agree:
// the package's own `hash`, an independent FNV-1a written below, and what `assignVariant` reports.

/**
 * FNV-1a 32-bit (Fowler, Noll, Vo; http://www.isthe.com/chongo/tech/comp/fnv/): offset basis 0x811c9dc5,
 * prime 16777619 (= 2^24 + 2^8 + 0x93), xor then multiply, mod 2^32. Like GrowthBook's `hashFnv32a` it
 * consumes UTF-16 code units (`charCodeAt`), not UTF-8 bytes, so non-ASCII ids hash as the JS SDK hashes
 * them; an SDK in another language hashing UTF-8 bytes would disagree on such ids.
 */
function fnv1a32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

/** GrowthBook's documented algorithm (sdk-js src/util.ts `hash`, read in the installed 1.8.0 source). */
function referenceHash(seed: string, value: string, version: 1 | 2): number {
  return version === 1 ? (fnv1a32(value + seed) % 1000) / 1000 : (fnv1a32(String(fnv1a32(seed + value))) % 10000) / 10000;
}

interface GrowthBookUtil {
  hash(seed: string, value: string, version: number): number | null;
  getBucketRanges(numVariations: number, coverage: number | undefined, weights?: number[]): Array<[number, number]>;
  chooseVariation(n: number, ranges: Array<[number, number]>): number;
}

// Test-only: the helpers are not exported (the `exports` map blocks deep imports), but the file is there;
// loading it by absolute path tests the very function the SDK runs. Production code never does this.
const require = createRequire(import.meta.url);
const gbUtil = require(join(dirname(require.resolve('@growthbook/growthbook/package.json')), 'dist/cjs/util.js')) as GrowthBookUtil;

/** [hashVersion, seed, value, hash]: computed by the installed package's `hash` (1.8.0). */
const COMPUTED: ReadonlyArray<readonly [1 | 2, string, string, number]> = [
  [1, '', 'u1', 0.235],
  [1, 'exp-checkout', 'u1', 0.753],
  [1, 'exp-checkout', 'u2', 0.224],
  [1, 'exp-checkout', 'user-42', 0.713],
  [1, 'homepage-banner', '123', 0.096],
  [1, 'homepage-banner', 'alice@example.com', 0.823],
  [1, 'a', 'a', 0.327],
  [1, 'seed-123', 'éclair', 0.445],
  [1, 'seed-123', '😀 emoji', 0.874],
  [1, 'exp-checkout', '00000000-0000-4000-8000-000000000000', 0.435],
  [1, 'recs-ranker', '1', 0.971],
  [1, 'recs-ranker', '2', 0.312],
  [1, 'recs-ranker', '10', 0.979],
  [1, 'recs-ranker', '100', 0.827],
  [1, 'recs-ranker', '1000', 0.931],
  [1, 'x', '', 0.695],
  [2, '', 'u1', 0.9521],
  [2, 'exp-checkout', 'u1', 0.6183],
  [2, 'exp-checkout', 'u2', 0.9317],
  [2, 'exp-checkout', 'user-42', 0.763],
  [2, 'homepage-banner', '123', 0.3337],
  [2, 'homepage-banner', 'alice@example.com', 0.1312],
  [2, 'a', 'a', 0.1441],
  [2, 'seed-123', 'éclair', 0.2577],
  [2, 'seed-123', '😀 emoji', 0.328],
  [2, 'exp-checkout', '00000000-0000-4000-8000-000000000000', 0.7347],
  [2, 'recs-ranker', '1', 0.813],
  [2, 'recs-ranker', '2', 0.7711],
  [2, 'recs-ranker', '10', 0.0342],
  [2, 'recs-ranker', '100', 0.1741],
  [2, 'recs-ranker', '1000', 0.3229],
  [2, 'x', '', 0.9986],
];

/**
 * The "hash" vectors GrowthBook publishes for every SDK (growthbook/growthbook
 * packages/sdk-js/test/cases.json, also repeated in its Java and C# SDK tests), as [version, seed, value,
 * hash]; the package reproduces all of them.
 */
const PUBLISHED: ReadonlyArray<readonly [1 | 2, string, string, number]> = [
  [1, '', 'a', 0.22],
  [1, '', 'b', 0.077],
  [1, 'b', 'a', 0.946],
  [1, 'ef', 'd', 0.652],
  [1, 'asdf', '8952klfjas09ujk', 0.549],
  [1, '', '123', 0.011],
  [1, '', '___)((*":&', 0.563],
  [2, 'seed', 'a', 0.0505],
  [2, 'seed', 'b', 0.2696],
  [2, 'foo', 'ab', 0.2575],
  [2, 'foo', 'def', 0.2019],
  [2, '89123klj', '8952klfjas09ujkasdf', 0.124],
  [2, '90850943850283058242805', '123', 0.7516],
  [2, '()**(%$##$%#$#', '___)((*":&', 0.0128],
];

describe('GrowthBook hash: package, documented algorithm and assignVariant agree', () => {
  it('our FNV-1a matches the reference FNV-1a 32 test values', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  it.each([...COMPUTED, ...PUBLISHED])('v%i seed=%j value=%j -> %f', (version, seed, value, expected) => {
    expect(gbUtil.hash(seed, value, version)).toBe(expected);
    expect(referenceHash(seed, value, version)).toBe(expected);
    // assignVariant needs a non-empty key and user; an empty seed makes GrowthBook fall back to the key.
    if (seed !== '' && value !== '') {
      expect(assignVariant({ key: 'k', seed, variants: ['a', 'b'], hashVersion: version }, value).hashValue).toBe(expected);
    }
  });

  it('an empty seed hashes with the key, as GrowthBook does (`seed || key`)', () => {
    const withEmptySeed = assignVariant({ key: 'exp-checkout', seed: '', variants: ['a', 'b'] }, 'u1');
    expect(withEmptySeed.hashValue).toBe(0.6183);
  });

  it('the package and the documented algorithm agree on arbitrary strings, including lone surrogates', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), fc.constantFrom<1 | 2>(1, 2), (seed, value, version) => {
        expect(gbUtil.hash(seed, value, version)).toBe(referenceHash(seed, value, version));
      }),
      { numRuns: 5_000, seed: 20261129 },
    );
  });

  it('unknown hash versions give no hash in the package', () => {
    expect(gbUtil.hash('abc', 'def', 99)).toBeNull();
  });

  it('bucket ranges and variant choice: the published getBucketRange cases and the half-open rule', () => {
    expect(gbUtil.getBucketRanges(2, 1)).toEqual([[0, 0.5], [0.5, 1]]);
    expect(gbUtil.getBucketRanges(2, 0.5)).toEqual([[0, 0.25], [0.5, 0.75]]);
    expect(gbUtil.getBucketRanges(3, 1, [0.2, 0.3, 0.5])).toEqual([[0, 0.2], [0.2, 0.5], [0.5, 1]]);
    const ranges = gbUtil.getBucketRanges(2, 0.5);
    expect([0, 0.2499, 0.25, 0.5, 0.75].map((n) => gbUtil.chooseVariation(n, ranges))).toEqual([0, 0, -1, 1, -1]);
  });
});
