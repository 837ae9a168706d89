// Silhouette (Rousseeuw 1987, J. Comput. Appl. Math. 20:53-65) with Euclidean distance:
//   a(i) = mean distance from i to the other members of its cluster,
//   b(i) = min over the other clusters C of the mean distance from i to C,
//   s(i) = (b(i) - a(i)) / max(a(i), b(i))  in [-1, 1].
// Conventions (as scikit-learn): s(i) = 0 for a member of a singleton cluster, and when a = b = 0. With
// fewer than two clusters the silhouette is undefined; every s(i) is then 0. O(n^2 d) time, O(n^2) memory
// for the distance matrix, which the caller can compute once and reuse across partitions.

/** Full n x n Euclidean distance matrix, row-major. */
export function euclideanDistances(points: readonly (readonly number[])[]): Float64Array {
  const n = points.length;
  const d = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const p = points[i] as readonly number[];
    for (let j = i + 1; j < n; j++) {
      const q = points[j] as readonly number[];
      let s = 0;
      for (let c = 0; c < p.length; c++) s += ((p[c] as number) - (q[c] as number)) ** 2;
      const dist = Math.sqrt(s);
      d[i * n + j] = dist;
      d[j * n + i] = dist;
    }
  }
  return d;
}

/** s(i) for every point, from a distance matrix (euclideanDistances) and labels 0..k-1. */
export function silhouetteFromDistances(distances: Float64Array, labels: readonly number[]): Float64Array {
  const n = labels.length;
  const k = labels.reduce((m, l) => Math.max(m, l + 1), 0);
  const size = new Float64Array(k);
  for (const l of labels) size[l] = (size[l] as number) + 1;
  const s = new Float64Array(n);
  if (size.filter((c) => c > 0).length < 2) return s;
  const sum = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    sum.fill(0);
    for (let j = 0; j < n; j++) {
      const l = labels[j] as number;
      sum[l] = (sum[l] as number) + (distances[i * n + j] as number);
    }
    const own = labels[i] as number;
    const ownSize = size[own] as number;
    if (ownSize < 2) continue;
    const a = (sum[own] as number) / (ownSize - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) {
      if (c !== own && (size[c] as number) > 0) b = Math.min(b, (sum[c] as number) / (size[c] as number));
    }
    const denom = Math.max(a, b);
    s[i] = denom > 0 ? (b - a) / denom : 0;
  }
  return s;
}

export function silhouetteValues(points: readonly (readonly number[])[], labels: readonly number[]): Float64Array {
  return silhouetteFromDistances(euclideanDistances(points), labels);
}

/** Mean s(i); 0 for no points. */
export function meanSilhouette(points: readonly (readonly number[])[], labels: readonly number[]): number {
  const s = silhouetteValues(points, labels);
  return s.length === 0 ? 0 : s.reduce((t, v) => t + v, 0) / s.length;
}
