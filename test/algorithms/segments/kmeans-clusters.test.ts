import { describe, expect, it } from 'vitest';
import { adjustedRandIndex } from '../../../src/algorithms/segments/adjusted-rand.ts';
import type { FeatureRow } from '../../../src/algorithms/segments/feature-table.ts';
import { canonicalLabels, clusterUsers } from '../../../src/algorithms/segments/kmeans-clusters.ts';
import { BLOBS, blobRows, FEATURES } from './blobs.ts';
import { expectAppError } from '../markov/expect-app-error.ts';

const labels = (key: string): string => (key === 'category:c1' ? 'electronics' : key);
const opts = { features: FEATURES, affinityKeys: ['category:c1'], seed: 1, labels };
const assigned = (r: { assignments: Map<string, number> }, rows: readonly FeatureRow[]): number[] =>
  rows.map((row) => r.assignments.get(row.userId) as number);

describe('clusterUsers on three well-separated blobs', () => {
  const { rows, truth } = blobRows(7);
  const result = clusterUsers(rows, opts);

  it('chooses k = 3 by the silhouette and recovers the blobs exactly (ARI = 1)', () => {
    expect(result.k).toBe(3);
    expect(result.silhouetteByK.map((s) => s.k)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    const best = result.silhouetteByK.reduce((a, b) => (b.silhouette > a.silhouette ? b : a));
    expect(best.k).toBe(3);
    expect(result.silhouette).toBe(best.silhouette);
    expect(result.silhouette).toBeGreaterThan(0.8);
    expect(adjustedRandIndex(assigned(result, rows), truth)).toBe(1);
  });

  it('numbers clusters by descending size, with shares and raw-unit centroids', () => {
    expect(result.clusters.map((c) => [c.id, c.size, c.share])).toEqual([
      [0, 40, 40 / 90],
      [1, 30, 30 / 90],
      [2, 20, 20 / 90],
    ]);
    expect(result.assignments.get('spenders-0')).toBe(0);
    expect(result.assignments.get('weekend-0')).toBe(1);
    expect(result.assignments.get('abandoners-0')).toBe(2);
    const spenders = rows.filter((_, i) => truth[i] === 'spenders');
    const meanMonetary = spenders.reduce((s, row) => s + (row.values['monetary'] as number), 0) / spenders.length;
    expect(result.clusters[0]?.centroid['monetary']).toBeCloseTo(meanMonetary, 9);
    expect(result.clusters[1]?.centroid['category:c1']).toBeCloseTo(0.8, 12);
    expect(result.clusters[0]?.centroid['category:c1']).toBe(0);
  });

  it('describes each blob by the features that set it apart', () => {
    const [spenders, weekend, abandoners] = result.clusters;
    expect(spenders?.distinguishing.slice(0, 2).map((d) => [d.feature, d.direction]).sort()).toEqual([['frequency', 'high'], ['monetary', 'high']]);
    expect(spenders?.description).toMatch(/^(big spenders, frequent buyers|frequent buyers, big spenders)/);
    expect(weekend?.description).toContain('weekend shoppers');
    expect(weekend?.description).toContain('electronics');
    expect(abandoners?.distinguishing[0]).toMatchObject({ feature: 'cartToPurchaseRate', direction: 'low' });
    expect(abandoners?.description.startsWith('high cart abandonment')).toBe(true);
  });

  it('is reproducible for a seed, and the partition does not depend on the seed here', () => {
    expect(clusterUsers(rows, opts)).toEqual(result);
    const other = clusterUsers(rows, { ...opts, seed: 12345 });
    expect(adjustedRandIndex(assigned(other, rows), assigned(result, rows))).toBe(1);
    expect(other.clusters.map((c) => c.size)).toEqual([40, 30, 20]);
  });

  it('imputes a missing value with the median and leaves it out of the raw centroid', () => {
    const holed = rows.map((row) => (row.userId === 'abandoners-0' ? { ...row, values: { ...row.values, frequency: null } } : row));
    const r = clusterUsers(holed, opts);
    expect(adjustedRandIndex(assigned(r, holed), truth)).toBe(1);
    const known = holed.filter((row, i) => truth[i] === 'abandoners' && row.values['frequency'] !== null);
    expect(known).toHaveLength(19);
    expect(r.clusters[2]?.centroid['frequency']).toBeCloseTo(known.reduce((s, row) => s + (row.values['frequency'] as number), 0) / 19, 9);
  });

  it('finds the same partition with a single k-means++ run per k', () => {
    const r = clusterUsers(rows, { ...opts, restarts: 1 });
    expect(r.k).toBe(3);
    expect(adjustedRandIndex(assigned(r, rows), truth)).toBe(1);
  });

  it('still separates the blobs with log-transformed spend', () => {
    const r = clusterUsers(rows, { ...opts, logFeatures: new Set(['monetary', 'frequency']) });
    expect(r.k).toBe(3);
    expect(adjustedRandIndex(assigned(r, rows), truth)).toBe(1);
  });
});

describe('clusterUsers on more than 2000 users (sampled silhouette)', () => {
  it('still finds the three blobs', () => {
    const big = BLOBS.map((b) => ({ ...b, size: 700 }));
    const rows: FeatureRow[] = [];
    const truth: number[] = [];
    big.forEach((b, bi) => {
      for (let i = 0; i < b.size; i++) {
        // Deterministic jitter without an RNG: a small spread around each blob mean.
        const j = ((i * 7919) % 101) / 100 - 0.5;
        const values = Object.fromEntries(FEATURES.map((f) => [f, (b.mean[f] as number) + (b.noise[f] as number) * j]));
        rows.push({ userId: `${b.name}-${i}`, values });
        truth.push(bi);
      }
    });
    const r = clusterUsers(rows, { features: FEATURES, seed: 3, kRange: [2, 4] });
    expect(r.k).toBe(3);
    expect(r.silhouetteByK.map((s) => s.k)).toEqual([2, 3, 4]);
    expect(adjustedRandIndex(assigned(r, rows), truth)).toBe(1);
  });
});

describe('clusterUsers edge cases', () => {
  const row = (userId: string, values: Record<string, number | null>): FeatureRow => ({ userId, values });

  it('returns nothing for no users', () => {
    expect(clusterUsers([], { features: ['x'], seed: 1 })).toEqual({
      k: 0, silhouette: 0, silhouetteByK: [], assignments: new Map(), clusters: [], used: [], dropped: ['x'],
    });
  });
  it('puts one or two users in one cluster (k capped at n - 1)', () => {
    const one = clusterUsers([row('a', { x: 1 })], { features: ['x'], seed: 1 });
    expect([one.k, one.silhouette, [...one.assignments]]).toEqual([1, 0, [['a', 0]]]);
    expect(one.clusters[0]).toMatchObject({ size: 1, share: 1, centroid: { x: 1 }, description: 'close to the average user' });
    const two = clusterUsers([row('a', { x: 1 }), row('b', { x: 9 })], { features: ['x'], seed: 1 });
    expect([two.k, two.silhouetteByK]).toEqual([1, [{ k: 1, silhouette: 0 }]]);
    expect(two.clusters[0]?.centroid).toEqual({ x: 5 });
  });
  it('tries only k = 2 for three users (hand-computed silhouette)', () => {
    // 1-D points 0, 0.1, 10 (z-scoring scales distances uniformly; the silhouette is scale-free).
    // s(0) = (10 - 0.1) / 10, s(0.1) = (9.9 - 0.1) / 9.9, s(10) = 0 (singleton).
    const r = clusterUsers([row('a', { x: 0 }), row('b', { x: 0.1 }), row('c', { x: 10 })], { features: ['x'], seed: 1 });
    expect(r.k).toBe(2);
    expect(r.silhouetteByK).toHaveLength(1);
    expect(r.silhouette).toBeCloseTo((9.9 / 10 + 9.8 / 9.9) / 3, 12);
    expect([...r.assignments]).toEqual([['a', 0], ['b', 0], ['c', 1]]);
    // z of c: mean 10.1/3, population variance (19.9^2 + 10.1^2 + 9.8^2) / 27 = 594.06 / 27, so
    // z = (19.9 / 3) / sqrt(594.06 / 27) = 19.9 / sqrt(198.02).
    expect(r.clusters[1]?.distinguishing).toEqual([{ feature: 'x', z: expect.closeTo(19.9 / Math.sqrt(198.02), 12), direction: 'high' }]);
  });
  it('puts identical users in one cluster, every feature dropped', () => {
    const rows = ['a', 'b', 'c', 'd'].map((id) => row(id, { x: 2, y: 5 }));
    const r = clusterUsers(rows, { features: ['x', 'y'], seed: 1 });
    expect(r.k).toBe(1);
    expect(r.dropped).toEqual(['x', 'y']);
    expect(r.clusters).toEqual([{ id: 0, size: 4, share: 1, centroid: { x: 2, y: 5 }, distinguishing: [], description: 'close to the average user' }]);
  });
  it('caps k at the number of distinct points', () => {
    const rows = ['a', 'b', 'c', 'd', 'e', 'f'].map((id, i) => row(id, { x: i < 3 ? 0 : 10 }));
    const r = clusterUsers(rows, { features: ['x'], seed: 1 });
    expect(r.silhouetteByK).toEqual([{ k: 2, silhouette: 1 }]);
    expect(r.clusters.map((c) => c.size)).toEqual([3, 3]);
    // Equal sizes: the cluster with the smaller first coordinate comes first.
    expect(r.assignments.get('a')).toBe(0);
  });
  it('rejects a bad kRange, a non-integer seed and a repeated user', () => {
    expectAppError(() => clusterUsers([], { features: ['x'], seed: 1, kRange: [3, 2] }));
    expectAppError(() => clusterUsers([], { features: ['x'], seed: 1, kRange: [0, 2] }));
    expectAppError(() => clusterUsers([], { features: ['x'], seed: 0.5 }));
    expectAppError(() => clusterUsers([], { features: ['x'], seed: 1, restarts: 0 }));
    expectAppError(() => clusterUsers([row('a', { x: 1 }), row('a', { x: 2 })], { features: ['x'], seed: 1 }));
  });
});

describe('canonicalLabels', () => {
  it('orders by size, then by first coordinate, and closes gaps left by empty clusters', () => {
    expect(canonicalLabels([2, 2, 0, 5, 5, 5], [[0], [0], [0], [0], [0], [0]])).toEqual([1, 1, 2, 0, 0, 0]);
    expect(canonicalLabels([0, 0, 1, 1], [[5], [5], [1], [1]])).toEqual([1, 1, 0, 0]);
  });
});
