import { describe, expect, it } from 'vitest';
import { euclideanDistances, meanSilhouette, silhouetteValues } from '../../../src/algorithms/segments/silhouette.ts';

describe('silhouette (hand-computed)', () => {
  // Cluster 0: a = (0,0), b = (0,3); cluster 1: c = (4,0), d = (4,3). Distances: ab = cd = 3, ac = bd = 4,
  // ad = bc = 5 (3-4-5 triangles). For every point a(i) = 3, b(i) = (4 + 5) / 2 = 4.5, s = 1.5 / 4.5 = 1/3.
  const square = [[0, 0], [0, 3], [4, 0], [4, 3]];
  it('gives 1/3 for every point of two 3-4-5 pairs', () => {
    expect([...silhouetteValues(square, [0, 0, 1, 1])]).toEqual([1, 1, 1, 1].map(() => expect.closeTo(1 / 3, 12)));
    expect(meanSilhouette(square, [0, 0, 1, 1])).toBeCloseTo(1 / 3, 12);
  });
  it('takes b(i) as the nearest other cluster and scores a singleton 0', () => {
    // Add e = (4,6) alone in cluster 2. d: a = 3, b = min(mean(5, 4) = 4.5, de = 3) = 3 -> s = 0.
    // c: b = min(4.5, ce = 6) = 4.5 -> 1/3. a, b: cluster 2 is further (ae = sqrt 52, be = 5) -> 1/3. e: 0.
    const s = silhouetteValues([...square, [4, 6]], [0, 0, 1, 1, 2]);
    expect([...s].map((v) => Number(v.toFixed(12)))).toEqual([1 / 3, 1 / 3, 1 / 3, 0, 0].map((v) => Number(v.toFixed(12))));
    expect(meanSilhouette([...square, [4, 6]], [0, 0, 1, 1, 2])).toBeCloseTo(1 / 5, 12);
  });
  it('is negative for a point closer to the other cluster', () => {
    // Cluster 0 = {b, c} (the diagonal), cluster 1 = {a, d}. For b: a(i) = bc = 5, b(i) = mean(ba, bd) =
    // (3 + 4) / 2 = 3.5 -> (3.5 - 5) / 5 = -0.3.
    const s = silhouetteValues(square, [1, 0, 0, 1]);
    expect(s[1]).toBeCloseTo(-0.3, 12);
  });
  it('is 0 everywhere with one cluster, and for no points', () => {
    expect([...silhouetteValues(square, [0, 0, 0, 0])]).toEqual([0, 0, 0, 0]);
    expect(meanSilhouette([], [])).toBe(0);
  });
  it('computes the symmetric Euclidean distance matrix', () => {
    expect([...euclideanDistances([[0, 0], [3, 4]])]).toEqual([0, 5, 5, 0]);
  });
});
