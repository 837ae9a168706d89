// Synthetic profiles for the clustering tests: three well-separated groups in raw units, seeded noise.
import { createRng } from '../../../src/algorithms/recs/rng.ts';
import type { FeatureRow } from '../../../src/algorithms/segments/feature-table.ts';

export interface Blob {
  readonly name: string;
  readonly size: number;
  readonly mean: Readonly<Record<string, number>>;
  readonly noise: Readonly<Record<string, number>>;
  readonly affinities?: Readonly<Record<string, number>>;
}

/** Big spenders (40), weekend shoppers into category c1 (30), cart abandoners (20). */
const NOISE = { frequency: 1, monetary: 50, weekendShare: 0.03, cartToPurchaseRate: 0.03 };
export const BLOBS: readonly Blob[] = [
  { name: 'spenders', size: 40, mean: { frequency: 20, monetary: 2000, weekendShare: 0.3, cartToPurchaseRate: 0.6 }, noise: NOISE },
  {
    name: 'weekend',
    size: 30,
    mean: { frequency: 3, monetary: 200, weekendShare: 0.9, cartToPurchaseRate: 0.6 },
    noise: NOISE,
    affinities: { 'category:c1': 0.8 },
  },
  { name: 'abandoners', size: 20, mean: { frequency: 3, monetary: 200, weekendShare: 0.3, cartToPurchaseRate: 0.1 }, noise: NOISE },
];

export const FEATURES = ['frequency', 'monetary', 'weekendShare', 'cartToPurchaseRate'] as const;

/** The rows (blobs interleaved, so row order says nothing) and the true blob of each. */
export function blobRows(seed: number): { rows: FeatureRow[]; truth: string[] } {
  const rng = createRng(seed);
  const rows: FeatureRow[] = [];
  const truth: string[] = [];
  const remaining = BLOBS.map((b) => b.size);
  let b = 0;
  while (remaining.some((r) => r > 0)) {
    b = (b + 1) % BLOBS.length;
    if ((remaining[b] as number) === 0) continue;
    remaining[b] = (remaining[b] as number) - 1;
    const blob = BLOBS[b] as Blob;
    const values: Record<string, number | null> = {};
    for (const f of FEATURES) values[f] = (blob.mean[f] as number) + (blob.noise[f] as number) * rng.normal();
    rows.push({ userId: `${blob.name}-${remaining[b]}`, values, ...(blob.affinities ? { affinities: blob.affinities } : {}) });
    truth.push(blob.name);
  }
  return { rows, truth };
}
