// Everything one split of one data set needs to fit and score models: the training matrix, the friend graph,
// per-user valid/test item sets, and item popularity in training (for novelty).
import { buildCsr, colDegrees, type CsrMatrix } from '../algorithms/recs/index.ts';
import type { Dataset } from './datasets/dataset.ts';
import type { Split } from './split.ts';

export interface EvalContext {
  readonly dataset: Dataset;
  readonly split: Split;
  /** users x items, raw weights (listening counts / event counts) of training pairs. */
  readonly train: CsrMatrix;
  /** users x users, symmetric, value 1 per friendship direction; empty if the data set has none. */
  readonly friends: CsrMatrix;
  readonly valid: readonly ReadonlySet<number>[];
  readonly test: readonly ReadonlySet<number>[];
  readonly trainPopularity: Float64Array;
}

export function buildContext(ds: Dataset, split: Split): EvalContext {
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
  return { dataset: ds, split, train, friends, valid: sets(split.valid), test: sets(split.test), trainPopularity: colDegrees(train) };
}
