// The product's hybrid as an evaluated model: the four in-memory sources (./sources.ts), blended by the
// product's own blendSources (src/usecases/recommend/blend.ts) with the given weights. The score written
// for an item is its position from the bottom of the blended list, so the evaluation ranks exactly in the
// blend's order (score DESC, item id ASC); items no source proposed get -Infinity (never ranked), as the
// product returns only blended candidates.
import type { SparseVector } from '../../algorithms/recs/index.ts';
import { blendSources } from '../../usecases/recommend/blend.ts';
import type { ExcludingRecommender } from '../evaluate.ts';
import type { HybridSources } from './sources.ts';
import type { HybridWeights } from './weight-grid.ts';

export function hybridModel(sources: HybridSources, train: { indptr: Int32Array; indices: Int32Array }, nUsers: number, weights: HybridWeights): ExcludingRecommender {
  const nItems = sources.itemIds.length;
  const scoreUserExcluding = (u: number, excluded: ReadonlySet<number>, out?: Float32Array): Float32Array => {
    const o = out ?? new Float32Array(nItems);
    o.fill(-Infinity);
    const ranked = blendSources(sources.lists(u, excluded), weights);
    ranked.forEach((r, k) => (o[sources.itemIndex.get(r.itemId)!] = ranked.length - k));
    return o;
  };
  return {
    name: 'HYBRID',
    nUsers,
    nItems,
    scoreUserExcluding,
    // Like the product, the hybrid never proposes what the user already has.
    scoreUser: (u, out) => scoreUserExcluding(u, new Set(train.indices.subarray(train.indptr[u]!, train.indptr[u + 1]!)), out),
    scoreVector: (_v: SparseVector) => {
      throw new Error('HYBRID is evaluated for known users only (its sources read the user from the training graph)');
    },
  };
}
