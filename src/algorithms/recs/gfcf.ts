// GF-CF (Shen et al., "How Powerful is Graph Convolution for Recommendation?", CIKM 2021), training-free:
//   R~ = D_u^-a R D_i^-b                      (a = b = 1/2 in the paper: symmetric normalization)
//   s_u = r_u R~^T R~  +  alpha * r_u D_i^-1/2 U_k U_k^T D_i^1/2
// The first term is the linear low-pass filter (one LightGCN-style item->user->item hop on the normalized
// graph); the second is the ideal low-pass filter with U_k the top-k right singular vectors of R~, found by
// randomized subspace iteration (./svd.ts). The item-item matrix R~^T R~ is never formed: the linear term is
// two sparse products through user space, cost sum_{i in u} deg(i) + nnz(R) per user; the ideal term costs
// O(nnz(r_u) k + nItems k). Inductive by construction: scoreVector applies the same filter to any r.
import { colSums, rowSums, safePow, scaleRowsCols, transpose, type CsrMatrix } from './csr.ts';
import { outBuffer, type Recommender, type SparseVector } from './model.ts';
import { truncatedSvd, type TruncatedSvd } from './svd.ts';

export interface GfcfOptions {
  /** Weight of the ideal low-pass term (paper: 0.3); 0 skips the SVD in the fit. Default 0.3. */
  readonly alpha?: number;
  /** Number of singular vectors k of the ideal filter (paper: 256 on Gowalla). Default 64. */
  readonly rank?: number;
  /** Exponent a of D_u^-a. Default 0.5. */
  readonly userExponent?: number;
  /** Exponent b of D_i^-b. Default 0.5. */
  readonly itemExponent?: number;
  readonly seed?: number;
  readonly powerIterations?: number;
}

export interface GfcfModel extends Recommender {
  /** R~, users x items. */
  readonly normalized: CsrMatrix;
  readonly svd: TruncatedSvd | undefined;
}

/**
 * The top-k right singular vectors U_k of the ideal low-pass filter, on the symmetric normalization
 * D_u^-1/2 R D_i^-1/2 whatever the model's exponents are. Exported for item/user embeddings, which need U_k
 * even when the model ranks with alpha = 0.
 */
export function idealFilterSvd(r: CsrMatrix, opts: Pick<GfcfOptions, 'rank' | 'seed' | 'powerIterations'> = {}): TruncatedSvd {
  const sym = scaleRowsCols(r, safePow(rowSums(r), -0.5), safePow(colSums(r), -0.5));
  return truncatedSvd(sym, opts.rank ?? 64, {
    seed: opts.seed ?? 1,
    ...(opts.powerIterations !== undefined ? { powerIterations: opts.powerIterations } : {}),
  });
}

/**
 * What a GF-CF fit computes, as plain typed arrays: a fit can run in a worker thread and send these back
 * (transferred, not copied); gfcfFromParts turns them into the scoring model in O(1).
 */
export interface GfcfParts {
  readonly alpha: number;
  /** R~, users x items, and its transpose. */
  readonly normalized: CsrMatrix;
  readonly normalizedT: CsrMatrix;
  readonly svd: TruncatedSvd | undefined;
  /** Item degrees to the -1/2 and +1/2 (the ideal filter's D_i^-1/2 and D_i^1/2). */
  readonly dInvHalf: Float64Array;
  readonly dHalf: Float64Array;
}

export function fitGfcf(r: CsrMatrix, opts: GfcfOptions = {}): GfcfModel {
  return gfcfFromParts(r, gfcfParts(r, opts));
}

/** The numeric part of the fit: normalization, its transpose and (alpha != 0) the SVD. */
export function gfcfParts(r: CsrMatrix, opts: GfcfOptions = {}): GfcfParts {
  const alpha = opts.alpha ?? 0.3;
  const du = safePow(rowSums(r), -(opts.userExponent ?? 0.5));
  const itemDeg = colSums(r);
  const normalized = scaleRowsCols(r, du, safePow(itemDeg, -(opts.itemExponent ?? 0.5)));
  return {
    alpha,
    normalized,
    normalizedT: transpose(normalized),
    svd: alpha !== 0 ? idealFilterSvd(r, opts) : undefined,
    dInvHalf: safePow(itemDeg, -0.5),
    dHalf: safePow(itemDeg, 0.5),
  };
}

/** The scoring model over fitted parts (`r`: the matrix they were fitted on); no numeric work. */
export function gfcfFromParts(r: CsrMatrix, parts: GfcfParts): GfcfModel {
  const { alpha, normalized: rn, normalizedT: rnT, svd, dInvHalf, dHalf } = parts;
  const acc = new Float64Array(r.rows);
  const nItems = r.cols;

  const score = (idx: ArrayLike<number>, val: ArrayLike<number> | undefined, out: Float32Array): Float32Array => {
    acc.fill(0);
    for (let e = 0; e < idx.length; e++) {
      const i = idx[e] as number;
      if (i < 0 || i >= nItems) continue;
      const w = val === undefined ? 1 : (val[e] as number);
      for (let p = rnT.indptr[i]!; p < rnT.indptr[i + 1]!; p++) acc[rnT.indices[p]!]! += w * rnT.values[p]!;
    }
    for (let v = 0; v < rn.rows; v++) {
      const a = acc[v]!;
      if (a === 0) continue;
      for (let p = rn.indptr[v]!; p < rn.indptr[v + 1]!; p++) out[rn.indices[p]!]! += a * rn.values[p]!;
    }
    if (svd !== undefined) {
      const k = svd.k;
      const u = svd.right;
      const z = new Float64Array(k);
      for (let e = 0; e < idx.length; e++) {
        const i = idx[e] as number;
        if (i < 0 || i >= nItems) continue;
        const w = (val === undefined ? 1 : (val[e] as number)) * dInvHalf[i]!;
        for (let j = 0; j < k; j++) z[j]! += w * u[i * k + j]!;
      }
      for (let i = 0; i < nItems; i++) {
        let s = 0;
        const ri = i * k;
        for (let j = 0; j < k; j++) s += u[ri + j]! * z[j]!;
        out[i]! += alpha * dHalf[i]! * s;
      }
    }
    return out;
  };

  return {
    name: 'GF-CF',
    nUsers: r.rows,
    nItems,
    normalized: rn,
    svd,
    scoreUser: (u, out) =>
      score(r.indices.subarray(r.indptr[u]!, r.indptr[u + 1]!), r.values.subarray(r.indptr[u]!, r.indptr[u + 1]!), outBuffer(nItems, out)),
    scoreVector: (v: SparseVector, out) => score(v.indices, v.values, outBuffer(nItems, out)),
  };
}
