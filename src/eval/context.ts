// Everything one split of one data set needs to fit and score models: the training matrix, the friend graph,
// per-user valid/test item sets, and item popularity in training (for novelty).
import { buildCsr, colDegrees, type CsrMatrix } from '../algorithms/recs/index.ts';
import type { Dataset } from './datasets/dataset.ts';
import type { Split } from './split.ts';
import { RECS_CONFIG } from '../usecases/recommend/config.ts';

export interface EvalContext {
  readonly dataset: Dataset;
  readonly split: Split;
  /** users x items, raw weights (listening counts / event counts) of training pairs. */
  readonly train: CsrMatrix;
  /** users x users, symmetric, value 1 per friendship direction; empty if the data set has none. */
  readonly friends: CsrMatrix;
  /**
   * users x users ties as the served GRAPH fit weighs them (src/usecases/recommend/fit-graph-model.ts): a
   * friendship 1 both ways, a follow followWeight from follower to followee only, the larger when both.
   * Equals `friends` for a data set without follows.
   */
  readonly ties: CsrMatrix;
  readonly valid: readonly ReadonlySet<number>[];
  readonly test: readonly ReadonlySet<number>[];
  readonly trainPopularity: Float64Array;
}

export function buildContext(ds: Dataset, split: Split, followWeight: number = RECS_CONFIG.graph.followWeight): EvalContext {
  const pick = (idx: Int32Array) => ({
    rows: Array.from(idx, (e) => ds.pairs.users[e]!),
    cols: Array.from(idx, (e) => ds.pairs.items[e]!),
    values: Array.from(idx, (e) => ds.pairs.weights[e]!),
  });
  const train = buildCsr(ds.nUsers, ds.nItems, pick(split.train));
  const sets = (idx: Int32Array): Set<number>[] => {
    const s = Array.from({ length: ds.nUsers }, () => new Set<number>());
    for (const e of idx) s[ds.pairs.users[e]!]!.add(ds.pairs.items[e]!);
    return s;
  };
  const fa = ds.friendships?.a ?? new Int32Array(0);
  const fb = ds.friendships?.b ?? new Int32Array(0);
  const friends = buildCsr(ds.nUsers, ds.nUsers, {
    rows: [...fa, ...fb],
    cols: [...fb, ...fa],
  });
  return { dataset: ds, split, train, friends, ties: tiesOf(ds, friends, followWeight), valid: sets(split.valid), test: sets(split.test), trainPopularity: colDegrees(train) };
}

function tiesOf(ds: Dataset, friends: CsrMatrix, followWeight: number): CsrMatrix {
  const f = ds.follows;
  if (f === undefined || f.from.length === 0 || !(followWeight > 0)) return friends;
  const ties = new Map<number, number>();
  const n = ds.nUsers;
  for (let u = 0; u < n; u++) for (let p = friends.indptr[u]!; p < friends.indptr[u + 1]!; p++) ties.set(u * n + friends.indices[p]!, 1);
  for (let k = 0; k < f.from.length; k++) {
    const key = f.from[k]! * n + f.to[k]!;
    if (f.from[k] !== f.to[k]) ties.set(key, Math.max(ties.get(key) ?? 0, followWeight));
  }
  const keys = [...ties.keys()];
  return buildCsr(n, n, { rows: keys.map((k) => Math.floor(k / n)), cols: keys.map((k) => k % n), values: keys.map((k) => ties.get(k)!) });
}
