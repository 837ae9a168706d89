// What the product's hybrid sources read from Neo4j, rebuilt from one split's training pairs:
//   edges      the INTERACTED weights of the training pairs (dataset.pairs.edgeWeights, e.g. log(1 + plays))
//   ages       now - lastTs per pair in seconds, absent when the data set has no time; `now` (the request
//              time) is the latest training interaction: the evaluation asks about what comes next
//   features   items x (categories ++ tags) with the CONTENT weight of each column
// Last.fm tags are applied by users; an assignment a user made to one of their own valid/test items is
// dropped (it would reveal the held-out pair), the other users' tags on that item stay.
import { buildCsr, type CsrMatrix } from '../../algorithms/recs/index.ts';
import type { RecsConfig } from '../../usecases/recommend/config.ts';
import type { EvalContext } from '../context.ts';

export interface ProductInputs {
  /** users x items, product edge weights of the training pairs (any sign). */
  readonly edges: CsrMatrix;
  /** users x items, the same pattern: seconds since the pair's last interaction, when known. */
  readonly ages: CsrMatrix | undefined;
  /** items x features: categories first, then tags; undefined when the data set has no attributes. */
  readonly features: CsrMatrix | undefined;
  readonly featureWeights: Float64Array;
}

/** users x items, the product edge weights of the training pairs (any sign). */
export function productEdges(ctx: EvalContext): CsrMatrix {
  const ds = ctx.dataset;
  const train = ctx.split.train;
  const w = ds.pairs.edgeWeights ?? ds.pairs.weights;
  const rows = Array.from(train, (e) => ds.pairs.users[e]!);
  const cols = Array.from(train, (e) => ds.pairs.items[e]!);
  return buildCsr(ds.nUsers, ds.nItems, { rows, cols, values: Array.from(train, (e) => w[e]!) });
}

export function productInputs(ctx: EvalContext, content: RecsConfig['content']): ProductInputs {
  const ds = ctx.dataset;
  const train = ctx.split.train;
  const rows = Array.from(train, (e) => ds.pairs.users[e]!);
  const cols = Array.from(train, (e) => ds.pairs.items[e]!);
  const edges = productEdges(ctx);
  const lt = ds.pairs.lastTimes;
  // Ages, not times: Float32 CSR values would round unix seconds to ~2 minutes.
  let ages: CsrMatrix | undefined;
  if (lt !== undefined) {
    const now = train.reduce((m, e) => Math.max(m, lt[e]!), -Infinity);
    ages = buildCsr(ds.nUsers, ds.nItems, { rows, cols, values: Array.from(train, (e) => now - lt[e]!) });
  }
  const { features, featureWeights } = attributeMatrix(ctx, content);
  return { edges, ages, features, featureWeights };
}

function attributeMatrix(ctx: EvalContext, content: RecsConfig['content']): { features: CsrMatrix | undefined; featureWeights: Float64Array } {
  const a = ctx.dataset.attributes;
  const nItems = ctx.dataset.nItems;
  const fr: number[] = [];
  const fc: number[] = [];
  const weights: number[] = [];
  const addStatic = (m: CsrMatrix | undefined, weight: number) => {
    if (m === undefined) return;
    const base = weights.length;
    for (let i = 0; i < m.rows; i++) {
      for (let p = m.indptr[i]!; p < m.indptr[i + 1]!; p++) {
        fr.push(i);
        fc.push(base + m.indices[p]!);
      }
    }
    for (let c = 0; c < m.cols; c++) weights.push(weight);
  };
  addStatic(a?.categories, content.categoryWeight);
  addStatic(a?.tags, content.tagWeight);
  const t = a?.taggings;
  if (t !== undefined) {
    const base = weights.length;
    for (let e = 0; e < t.items.length; e++) {
      const u = t.users[e]!;
      const i = t.items[e]!;
      if (u >= 0 && (ctx.valid[u]!.has(i) || ctx.test[u]!.has(i))) continue;
      fr.push(i);
      fc.push(base + t.tags[e]!);
    }
    for (let c = 0; c < t.nTags; c++) weights.push(content.tagWeight);
  }
  if (weights.length === 0) return { features: undefined, featureWeights: new Float64Array(0) };
  // Presence only: duplicates sum in buildCsr, and the CONTENT scorer ignores values.
  return { features: buildCsr(nItems, weights.length, { rows: fr, cols: fc }), featureWeights: Float64Array.from(weights) };
}
