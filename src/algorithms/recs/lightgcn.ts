// LightGCN-style propagation (He et al., SIGIR 2020): E_{l+1} = A^ E_l over the user-item graph with
// symmetric normalization A^ = D^-1/2 A D^-1/2, A = [[w S, R], [R^T, 0]] (S: optional user-user friend edges
// with weight w, as in social GNNs; R: binary interactions), final embeddings = mean of layers 0..K (LightGCN's
// alpha_k = 1/(K+1)), score(u, i) = <e_u, e_i>. Training-free here: E_0 is either a seeded Gaussian (a random
// projection of the propagation operator) or the spectral init from the truncated SVD of D_u^-1/2 R D_i^-1/2
// (E_0 = [U sqrt(S); V sqrt(S)]); `init` also accepts learned embeddings to be refined by propagation.
// Cost: K * nnz(A) * d for the fit, nItems * d per scored user.
import { buildCsr, colSums, rowSums, safePow, scaleRowsCols, type CsrMatrix } from './csr.ts';
import { outBuffer, type Recommender, type SparseVector } from './model.ts';
import { createRng } from './rng.ts';
import { createSpmmOperator } from './spmm-operator.ts';
import { truncatedSvd } from './svd.ts';

export interface LightGcnOptions {
  /** Propagation layers K. Default 3. */
  readonly layers?: number;
  /** Embedding size d. Default 64. */
  readonly dim?: number;
  /** 'random' (seeded N(0, 0.1^2)), 'svd' (spectral) or a (nUsers + nItems) x dim row-major matrix. */
  readonly init?: 'random' | 'svd' | Float32Array;
  readonly seed?: number;
  /** users x users friend adjacency (symmetric) added to the graph. */
  readonly social?: CsrMatrix;
  /** Weight w of friend edges relative to interaction edges. Default 1. */
  readonly socialWeight?: number;
}

export interface LightGcnModel extends Recommender {
  /** Final (layer-mean) embeddings, users first then items, row-major (nUsers + nItems) x dim. */
  readonly embeddings: Float32Array;
  readonly dim: number;
}

/** The normalized (nUsers + nItems)-node adjacency A^ of the bipartite graph plus optional social edges. */
export function normalizedAdjacency(r: CsrMatrix, social?: CsrMatrix, socialWeight = 1): CsrMatrix {
  const nU = r.rows;
  const rows: number[] = [];
  const cols: number[] = [];
  const vals: number[] = [];
  for (let u = 0; u < nU; u++) {
    for (let p = r.indptr[u]!; p < r.indptr[u + 1]!; p++) {
      const i = nU + r.indices[p]!;
      rows.push(u, i);
      cols.push(i, u);
      vals.push(1, 1);
    }
    if (social !== undefined) {
      for (let p = social.indptr[u]!; p < social.indptr[u + 1]!; p++) {
        rows.push(u);
        cols.push(social.indices[p]!);
        vals.push(socialWeight);
      }
    }
  }
  const n = nU + r.cols;
  const a = buildCsr(n, n, { rows, cols, values: vals });
  const dInv = safePow(rowSums(a), -0.5);
  return scaleRowsCols(a, dInv, dInv);
}

export function fitLightGcn(r: CsrMatrix, opts: LightGcnOptions = {}): LightGcnModel {
  const layers = opts.layers ?? 3;
  const d = opts.dim ?? 64;
  const nU = r.rows;
  const nItems = r.cols;
  const n = nU + nItems;
  const binary = scaleRowsCols(r, new Float64Array(nU).fill(1), new Float64Array(nItems).fill(1));
  binary.values.fill(1);
  const adj = normalizedAdjacency(binary, opts.social, opts.socialWeight ?? 1);
  let e0: Float32Array<ArrayBufferLike>;
  if (opts.init instanceof Float32Array) {
    if (opts.init.length !== n * d) throw new RangeError(`fitLightGcn: init must be ${n} x ${d}`);
    e0 = opts.init;
  } else if (opts.init === 'svd') {
    const sym = scaleRowsCols(binary, safePow(rowSums(binary), -0.5), safePow(colSums(binary), -0.5));
    const svd = truncatedSvd(sym, d, { seed: opts.seed ?? 1 });
    e0 = new Float32Array(n * d);
    for (let j = 0; j < svd.k; j++) {
      const s = Math.sqrt(svd.values[j]!);
      for (let u = 0; u < nU; u++) e0[u * d + j] = svd.left[u * svd.k + j]! * s;
      for (let i = 0; i < nItems; i++) e0[(nU + i) * d + j] = svd.right[i * svd.k + j]! * s;
    }
  } else {
    const rng = createRng(opts.seed ?? 1);
    e0 = new Float32Array(n * d);
    for (let k = 0; k < e0.length; k++) e0[k] = 0.1 * rng.normal();
  }
  // E_{l+1} = A^ E_l with A^ copied once into the kernel's memory (WebAssembly SIMD when available, see
  // spmm-operator.ts); swap() makes layer l's output the next layer's input without a copy.
  const sum = Float32Array.from(e0);
  const propagate = createSpmmOperator(adj, d);
  propagate.x.set(e0);
  for (let l = 0; l < layers; l++) {
    propagate.run();
    const next = propagate.y;
    for (let k = 0; k < sum.length; k++) sum[k]! += next[k]!;
    propagate.swap();
  }
  const inv = 1 / (layers + 1);
  for (let k = 0; k < sum.length; k++) sum[k]! *= inv;

  // Items' final embeddings copied out contiguously; user vectors always go through one Float64Array so the
  // scoring loop stays monomorphic (nItems * d multiply-adds per user).
  const items = sum.slice(nU * d);
  const eu = new Float64Array(d);
  const scoreEmbedding = (out: Float32Array): Float32Array => {
    for (let i = 0; i < nItems; i++) {
      const io = i * d;
      let s0 = 0;
      let s1 = 0;
      let j = 0;
      for (; j + 1 < d; j += 2) {
        s0 += eu[j]! * items[io + j]!;
        s1 += eu[j + 1]! * items[io + j + 1]!;
      }
      if (j < d) s0 += eu[j]! * items[io + j]!;
      out[i] = s0 + s1;
    }
    return out;
  };
  return {
    name: opts.social === undefined ? 'LIGHTGCN' : 'LIGHTGCN+SOCIAL',
    nUsers: nU,
    nItems,
    dim: d,
    embeddings: sum,
    scoreUser: (u, out) => {
      for (let j = 0; j < d; j++) eu[j] = sum[u * d + j]!;
      return scoreEmbedding(outBuffer(nItems, out));
    },
    // Approximate fold-in: a new user's embedding is the weighted mean of its items' final embeddings
    // (one propagation hop from the items, without re-running the layers).
    scoreVector: (v: SparseVector, out) => {
      eu.fill(0);
      let wsum = 0;
      for (let e = 0; e < v.indices.length; e++) {
        const i = v.indices[e] as number;
        if (i < 0 || i >= nItems) continue;
        const w = v.values === undefined ? 1 : (v.values[e] as number);
        wsum += w;
        for (let j = 0; j < d; j++) eu[j]! += w * items[i * d + j]!;
      }
      if (wsum > 0) for (let j = 0; j < d; j++) eu[j]! /= wsum;
      return scoreEmbedding(outBuffer(nItems, out));
    },
  };
}
