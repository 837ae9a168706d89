// The GRAPH model's base recommender, chosen by the data's size (config.graph.model / easeMaxDim):
//   EASE   when min(users, items) <= easeMaxDim: the closed-form item model the offline evaluation ranks first
//          (docs/eval-results.md), in the form whose Gram matrix is the smaller one (items x items when the
//          catalogue is small, users x users otherwise: src/algorithms/recs/ease.ts). Its fit is one dense
//          Cholesky inverse, O(d^3) time and ~4 d^2 doubles of memory for d = min(users, items), which is
//          what bounds it (docs/benchmarks.md section 4: fit time and memory by d).
//   GF-CF  otherwise: training-free, linear in the edges (sparse products through user space), so it fits
//          any store that fits in memory.
// Both are inductive (scoreVector of a fresh interaction vector) and wrapped with the same friend term.
// The fit is split as the rest of the GRAPH fit: fitBaseParts (typed arrays, runs in the worker thread),
// baseFromParts (the scoring closures, O(1)). The evaluation fits its GRAPH source through these functions
// too (src/eval/hybrid/graph-source.ts), so it scores the served model.
import type { CsrMatrix } from '../../algorithms/recs/csr.ts';
import { easeBuffers, easeFromParts, easeParts, type EaseParts } from '../../algorithms/recs/ease.ts';
import { gfcfFromParts, gfcfParts, type GfcfParts } from '../../algorithms/recs/gfcf.ts';
import type { Recommender } from '../../algorithms/recs/model.ts';
import { withSocial, type SocialRecommender } from '../../algorithms/recs/social.ts';
import type { RecsConfig } from './config.ts';

export type GraphBaseKind = 'EASE' | 'GF-CF';

export type BaseParts = { readonly kind: 'EASE'; readonly ease: EaseParts } | { readonly kind: 'GF-CF'; readonly gfcf: GfcfParts };

type BaseOptions = Pick<RecsConfig['graph'], 'model' | 'easeMaxDim' | 'lambda' | 'rho' | 'alpha' | 'rank' | 'seed'> & { readonly itemExponent?: number };

/** The base model for a users x items matrix: the configured one, or (auto) EASE while min(users, items) <= easeMaxDim. */
export function chooseGraphBase(nUsers: number, nItems: number, o: Pick<BaseOptions, 'model' | 'easeMaxDim'>): GraphBaseKind {
  if (o.model !== 'auto') return o.model;
  return nUsers > 0 && nItems > 0 && Math.min(nUsers, nItems) <= o.easeMaxDim ? 'EASE' : 'GF-CF';
}

/** The numeric fit (typed arrays only). rank is clamped to the matrix by the caller when it matters (GF-CF alpha > 0). */
export function fitBaseParts(x: CsrMatrix, o: BaseOptions): BaseParts {
  if (chooseGraphBase(x.rows, x.cols, o) === 'EASE') return { kind: 'EASE', ease: easeParts(x, { lambda: o.lambda, rho: o.rho }) };
  const rank = Math.max(1, Math.min(o.rank, x.rows, x.cols));
  return { kind: 'GF-CF', gfcf: gfcfParts(x, { alpha: x.cols > 0 ? o.alpha : 0, rank, seed: o.seed, itemExponent: o.itemExponent ?? 0.5 }) };
}

export function baseFromParts(x: CsrMatrix, parts: BaseParts): Recommender {
  return parts.kind === 'EASE' ? easeFromParts(x, parts.ease) : gfcfFromParts(x, parts.gfcf);
}

/** The served GRAPH model over a base: the friend term (beta socialBeta) over weighted ties. */
export function graphSocial(base: Recommender, friends: CsrMatrix, interactions: CsrMatrix, o: Pick<RecsConfig['graph'], 'socialBeta'>): SocialRecommender {
  return withSocial(base, friends, interactions, { beta: o.socialBeta, signal: 'interactions', weighted: true });
}

/** The buffers under the parts, for a worker's transfer list. */
export function baseBuffers(parts: BaseParts): ArrayBuffer[] {
  if (parts.kind === 'EASE') return easeBuffers(parts.ease);
  const g = parts.gfcf;
  const svd = g.svd === undefined ? [] : [g.svd.values, g.svd.right, g.svd.left];
  return [g.normalized.indptr, g.normalized.indices, g.normalized.values, g.normalizedT.indptr, g.normalizedT.indices, g.normalizedT.values, g.dInvHalf, g.dHalf, ...svd]
    .map((a) => a.buffer as ArrayBuffer);
}
