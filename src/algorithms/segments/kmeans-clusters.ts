// Behavioural clusters of users: k-means (Lloyd 1982, k-means++ seeding of Arthur & Vassilvitskii 2007,
// via ml-kmeans) on standardised profile features (see standardise.ts: median imputation, optional signed
// log, z-scores, constant columns dropped), k chosen by the mean silhouette (Rousseeuw 1987).
//
// Choosing k: every k in kRange (default [2, 8]) is fitted with `restarts` (default 3) seeded k-means++
// runs, keeping the lowest within-cluster sum of squares; the k with the highest mean silhouette wins, the
// smaller k on a tie (within 1e-12). The silhouette is exact for up to SILHOUETTE_SAMPLE (2000) points;
// above that it is computed on one seeded uniform sample of that many points (the same sample for every
// k), as scikit-learn's `sample_size`. k is capped at n - 1 (the silhouette needs a point outside every cluster) and at the
// number of distinct points (k-means cannot fill more clusters); when that leaves fewer than 2, every
// user is in one cluster with silhouette 0. A k that is in range and leaves a cluster empty is scored
// with the clusters it did fill.
//
// Reproducible: the same rows (in the same order), options and seed give the same result. Cluster ids are
// canonical: by descending size, then ascending first standardised centroid coordinate, then first member.
// Cost: O(kRange * restarts * iterations * n * k * d) for k-means, O(min(n, 2000)^2 d) for the silhouette;
// measured: 20,000 users x 27 features, k in [2, 8], 3 restarts take about 15 s (ml-kmeans dominates), so a
// request path should cache the result or pass restarts: 1 (scikit-learn's n_init for k-means++).
import { kmeans } from 'ml-kmeans';
import { invalidInput } from '../../domain/errors.ts';
import { createRng } from '../recs/rng.ts';
import { defaultLabel, describeCluster, distinguishingFeatures, type DistinguishingFeature } from './describe-cluster.ts';
import type { FeatureRow } from './feature-table.ts';
import { euclideanDistances, silhouetteFromDistances } from './silhouette.ts';
import { standardise, type StandardisedTable } from './standardise.ts';

export const SILHOUETTE_SAMPLE = 2000;
export const RESTARTS = 3;
const MAX_ITERATIONS = 300;

export interface ClusterOptions {
  /** Numeric feature names to cluster on (FeatureRow.values). */
  readonly features: readonly string[];
  /** Affinity keys ('category:c1', 'tag:t3') to cluster on as well; absent affinity = 0. */
  readonly affinityKeys?: readonly string[];
  /** Candidate k, inclusive; default [2, 8]. */
  readonly kRange?: readonly [number, number];
  readonly seed: number;
  /** Features put through sign(x) log(1 + |x|) before standardising (heavy-tailed counts). */
  readonly logFeatures?: ReadonlySet<string>;
  /** Display names for affinity keys in descriptions; default 'category:c1' -> 'category c1'. */
  readonly labels?: (key: string) => string;
  /** k-means++ runs per k, the one with the lowest within-cluster sum of squares kept; default RESTARTS. */
  readonly restarts?: number;
}

export interface ClusterSummary {
  readonly id: number;
  readonly size: number;
  /** size / number of users. */
  readonly share: number;
  /** Mean of the members' known raw values per column (original units; log not applied). A column no member
   * knows shows the imputed median; a column nobody knows is absent. */
  readonly centroid: Record<string, number>;
  /** Top 3 columns by |mean z-score of the members|. */
  readonly distinguishing: readonly DistinguishingFeature[];
  readonly description: string;
}

export interface ClusterResult {
  readonly k: number;
  /** Mean silhouette of the chosen partition (0 when k < 2). */
  readonly silhouette: number;
  readonly silhouetteByK: readonly { readonly k: number; readonly silhouette: number }[];
  readonly assignments: Map<string, number>;
  readonly clusters: readonly ClusterSummary[];
  /** Columns clustered on, and the ones dropped for having no spread (or no known value). */
  readonly used: readonly string[];
  readonly dropped: readonly string[];
}

export function clusterUsers(rows: readonly FeatureRow[], opts: ClusterOptions): ClusterResult {
  const [kMin, kMax] = opts.kRange ?? [2, 8];
  if (!Number.isInteger(kMin) || !Number.isInteger(kMax) || kMin < 1 || kMin > kMax) {
    throw invalidInput('kRange must be two integers with 1 <= min <= max', { kRange: [kMin, kMax] });
  }
  if (!Number.isInteger(opts.seed)) throw invalidInput('seed must be an integer', { seed: opts.seed });
  const restarts = opts.restarts ?? RESTARTS;
  if (!Number.isInteger(restarts) || restarts < 1) throw invalidInput('restarts must be a positive integer', { restarts });
  const ids = new Set<string>();
  for (const row of rows) {
    if (ids.has(row.userId)) throw invalidInput(`user '${row.userId}' appears twice`, { userId: row.userId });
    ids.add(row.userId);
  }
  const table = standardise(rows, {
    features: opts.features,
    ...(opts.affinityKeys ? { affinityKeys: opts.affinityKeys } : {}),
    ...(opts.logFeatures ? { logFeatures: opts.logFeatures } : {}),
  });
  const n = rows.length;
  if (n === 0) return { k: 0, silhouette: 0, silhouetteByK: [], assignments: new Map(), clusters: [], used: table.used, dropped: table.dropped };

  const points = table.points;
  const distinct = new Set(points.map((p) => p.join(','))).size;
  const cap = Math.min(kMax, n - 1, distinct);
  let best = { k: 1, silhouette: 0, labels: new Array<number>(n).fill(0) };
  const silhouetteByK: { k: number; silhouette: number }[] = [];
  if (cap < 2) {
    silhouetteByK.push({ k: 1, silhouette: 0 });
  } else {
    const sample = silhouetteSample(n, opts.seed);
    const samplePoints = sample.map((i) => points[i] as number[]);
    const distances = euclideanDistances(samplePoints);
    let bestScore = -Infinity;
    for (let k = Math.min(kMin, cap); k <= cap; k++) {
      const labels = k === 1 ? new Array<number>(n).fill(0) : bestOfRestarts(points, k, opts.seed, restarts);
      const s = silhouetteFromDistances(distances, sample.map((i) => labels[i] as number));
      const score = k === 1 ? 0 : s.reduce((t, v) => t + v, 0) / s.length;
      silhouetteByK.push({ k, silhouette: score });
      if (score > bestScore + 1e-12) {
        bestScore = score;
        best = { k, silhouette: score, labels };
      }
    }
  }
  const labels = canonicalLabels(best.labels, points);
  const k = labels.reduce((m, l) => Math.max(m, l + 1), 0);
  const assignments = new Map(rows.map((row, i) => [row.userId, labels[i] as number]));
  const clusters = Array.from({ length: k }, (_, id) => summarise(id, labels, table, opts.labels ?? defaultLabel));
  return { k, silhouette: best.silhouette, silhouetteByK, assignments, clusters, used: table.used, dropped: table.dropped };
}

/** Indices whose silhouette is computed: all of them, or a seeded sample (partial Fisher-Yates), ascending. */
function silhouetteSample(n: number, seed: number): number[] {
  const all = Array.from({ length: n }, (_, i) => i);
  if (n <= SILHOUETTE_SAMPLE) return all;
  const rng = createRng(seed ^ 0x51e7);
  for (let i = 0; i < SILHOUETTE_SAMPLE; i++) {
    const j = i + rng.int(n - i);
    [all[i], all[j]] = [all[j] as number, all[i] as number];
  }
  return all.slice(0, SILHOUETTE_SAMPLE).sort((a, b) => a - b);
}

/** Labels of the k-means run with the lowest within-cluster sum of squares among `restarts` seeded runs. */
function bestOfRestarts(points: number[][], k: number, seed: number, restarts: number): number[] {
  let best: number[] = [];
  let bestSse = Infinity;
  for (let restart = 0; restart < restarts; restart++) {
    // A distinct, reproducible seed per (seed, k, restart).
    const runSeed = (Math.imul(seed, 0x9e3779b1) + Math.imul(k, 0x85ebca6b) + Math.imul(restart + 1, 0xc2b2ae35)) >>> 0;
    const result = kmeans(points, k, { initialization: 'kmeans++', seed: runSeed, maxIterations: MAX_ITERATIONS });
    const sse = withinSumOfSquares(points, result.clusters, k);
    if (sse < bestSse) {
      bestSse = sse;
      best = [...result.clusters];
    }
  }
  return best;
}

function withinSumOfSquares(points: readonly number[][], labels: readonly number[], k: number): number {
  const centres = means(points, labels, k);
  return points.reduce((s, p, i) => s + p.reduce((t, v, c) => t + (v - (centres[labels[i] as number]?.[c] ?? 0)) ** 2, 0), 0);
}

function means(points: readonly number[][], labels: readonly number[], k: number): number[][] {
  const d = points[0]?.length ?? 0;
  const sums = Array.from({ length: k }, () => new Array<number>(d).fill(0));
  const counts = new Array<number>(k).fill(0);
  points.forEach((p, i) => {
    const l = labels[i] as number;
    counts[l] = (counts[l] as number) + 1;
    const row = sums[l] as number[];
    p.forEach((v, c) => (row[c] = (row[c] as number) + v));
  });
  return sums.map((row, l) => row.map((v) => v / Math.max(1, counts[l] as number)));
}

/** Renumbers labels 0..k'-1 over the non-empty clusters: size desc, first centroid coordinate asc, first member. */
export function canonicalLabels(labels: readonly number[], points: readonly number[][]): number[] {
  const k = labels.reduce((m, l) => Math.max(m, l + 1), 0);
  const centres = means(points, labels, k);
  const stats = Array.from({ length: k }, (_, l) => ({ l, size: 0, first: -1, x: centres[l]?.[0] ?? 0 }));
  labels.forEach((l, i) => {
    const s = stats[l] as { size: number; first: number };
    s.size += 1;
    if (s.first < 0) s.first = i;
  });
  const order = stats.filter((s) => s.size > 0).sort((a, b) => b.size - a.size || a.x - b.x || a.first - b.first);
  const renumber = new Map(order.map((s, id) => [s.l, id]));
  return labels.map((l) => renumber.get(l) as number);
}

function summarise(id: number, labels: readonly number[], table: StandardisedTable, labelOf: (key: string) => string): ClusterSummary {
  const members = labels.flatMap((l, i) => (l === id ? [i] : []));
  const centroid: Record<string, number> = {};
  table.keys.forEach((key, c) => {
    const column = table.raw[c] as readonly (number | null)[];
    const known = members.map((i) => column[i] ?? null).filter((v): v is number => v !== null);
    const fallback = table.medians[c] ?? null;
    if (known.length > 0) centroid[key] = known.reduce((s, v) => s + v, 0) / known.length;
    else if (fallback !== null) centroid[key] = fallback;
  });
  const meanZ = table.used.map((key, c) => [key, members.reduce((s, i) => s + (table.points[i]?.[c] ?? 0), 0) / members.length] as const);
  const distinguishing = distinguishingFeatures(meanZ, 3);
  return {
    id,
    size: members.length,
    share: members.length / labels.length,
    centroid,
    distinguishing,
    description: describeCluster(distinguishing, labelOf),
  };
}
