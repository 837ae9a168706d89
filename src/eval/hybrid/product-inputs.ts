// The INTERACTED weights of one split's training pairs as a users x items matrix (dataset.pairs.edgeWeights,
// e.g. log(1 + plays), else the raw weights): what the GRAPH fit reads from a store loaded with the split.
// The other sources' inputs are built in the served modules' own form by ./served-inputs.ts.
import { buildCsr, type CsrMatrix } from '../../algorithms/recs/index.ts';
import type { EvalContext } from '../context.ts';

/** users x items, the product edge weights of the training pairs (any sign). */
export function productEdges(ctx: EvalContext): CsrMatrix {
  const ds = ctx.dataset;
  const train = ctx.split.train;
  const w = ds.pairs.edgeWeights ?? ds.pairs.weights;
  const rows = Array.from(train, (e) => ds.pairs.users[e]!);
  const cols = Array.from(train, (e) => ds.pairs.items[e]!);
  return buildCsr(ds.nUsers, ds.nItems, { rows, cols, values: Array.from(train, (e) => w[e]!) });
}
