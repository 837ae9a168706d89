// LightGCN trained as in the paper (He et al., SIGIR 2020): the layer-0 embeddings E_0 are learned with the
// BPR loss on the final embeddings E = P E_0, P = (I + A^ + ... + A^K) / (K + 1), A^ the symmetric-normalised
// adjacency of lightgcn.ts (optionally with social edges). P is a polynomial in a symmetric matrix, so it is
// symmetric and the gradient is dL/dE_0 = P^T dL/dE = P dL/dE: the backward pass is the same K products with
// A^ as the forward pass, on the same SpMM operator (WebAssembly SIMD when available, spmm-operator.ts).
// Each mini-batch of B triples (u, i, j) (bpr-sampler.ts) costs a full forward and backward, 2K * nnz(A^) * d,
// plus B * 3d for the loss; the step is Adam (Kingma & Ba 2015) on E_0 with L2 on the batch's layer-0 rows
// (LightGCN's regulariser). Deterministic for a seed: the RNG draws E_0 (random init), the order and the
// negatives, and the kernel sums each row in a fixed order. The fitted model is lightgcn.ts's propagation of
// the learned E_0, so scoring and the new-user fold-in are the training-free model's.
import { buildCsr, colSums, rowSums, safePow, scaleRowsCols, type CsrMatrix } from './csr.ts';
import { entryUsers, epochOrder, sampleNegative, sigmoidNeg, softplusNeg } from './bpr-sampler.ts';
import { fitLightGcn, normalizedAdjacency, type LightGcnModel } from './lightgcn.ts';
import { createRng } from './rng.ts';
import { createSpmmOperator, type SpmmOperator } from './spmm-operator.ts';
import { truncatedSvd } from './svd.ts';

export interface LightGcnBprOptions {
  /** Propagation layers K. Default 3. */
  readonly layers?: number;
  /** Embedding size d (a multiple of 4 runs the WebAssembly kernel). Default 64. */
  readonly dim?: number;
  /** Passes over the observed pairs. Default 20. */
  readonly epochs?: number;
  /** Triples per Adam step. Default 4096. */
  readonly batchSize?: number;
  /** Adam step size. Default 0.05 (the evaluation's choice on Last.fm, docs/eval-results.md). */
  readonly learningRate?: number;
  /** L2 weight on the batch's layer-0 embeddings (mean over the batch). Default 1e-4. */
  readonly reg?: number;
  /** E_0 before training: seeded N(0, 0.1^2) ('random') or the spectral init of lightgcn.ts ('svd'). Default 'random'. */
  readonly init?: 'random' | 'svd';
  readonly seed?: number;
  /** users x users friend adjacency (symmetric) added to the graph. */
  readonly social?: CsrMatrix;
  /** Weight of friend edges relative to interaction edges. Default 1. */
  readonly socialWeight?: number;
}

export interface LightGcnBprModel extends LightGcnModel {
  /** The learned layer-0 embeddings, users first then items, (nUsers + nItems) x dim row-major. */
  readonly layer0: Float32Array;
  /** Mean BPR loss of each epoch's batches, each taken before its Adam step. */
  readonly losses: readonly number[];
}

/** out = P x = (x + A^ x + ... + A^K x) / (K + 1), through the operator's buffers. */
function propagateMean(op: SpmmOperator, layers: number, x: Float32Array, out: Float32Array): void {
  out.set(x);
  op.x.set(x);
  for (let l = 0; l < layers; l++) {
    op.run();
    const y = op.y;
    for (let k = 0; k < out.length; k++) out[k]! += y[k]!;
    op.swap();
  }
  const inv = 1 / (layers + 1);
  for (let k = 0; k < out.length; k++) out[k]! *= inv;
}

/** y[o .. o + d) += a * x[o .. o + d). */
function addScaled(y: Float32Array, x: Float32Array, o: number, d: number, a: number): void {
  for (let k = 0; k < d; k++) y[o + k]! += a * x[o + k]!;
}

function initialEmbeddings(binary: CsrMatrix, d: number, init: 'random' | 'svd', seed: number): Float32Array {
  const nU = binary.rows;
  const nItems = binary.cols;
  const e0 = new Float32Array((nU + nItems) * d);
  if (init === 'random') {
    const rng = createRng(seed ^ 0x5bd1e995);
    for (let k = 0; k < e0.length; k++) e0[k] = 0.1 * rng.normal();
    return e0;
  }
  const sym = scaleRowsCols(binary, safePow(rowSums(binary), -0.5), safePow(colSums(binary), -0.5));
  const svd = truncatedSvd(sym, d, { seed });
  for (let j = 0; j < svd.k; j++) {
    const s = Math.sqrt(svd.values[j]!);
    for (let u = 0; u < nU; u++) e0[u * d + j] = svd.left[u * svd.k + j]! * s;
    for (let i = 0; i < nItems; i++) e0[(nU + i) * d + j] = svd.right[i * svd.k + j]! * s;
  }
  return e0;
}

/** Working buffers of one fit, each (nUsers + nItems) x d. */
export interface BprBuffers {
  readonly op: SpmmOperator;
  readonly layers: number;
  readonly d: number;
  readonly e0: Float32Array;
  /** Out: the final embeddings P E_0. */
  readonly e: Float32Array;
  /** Scratch: dL/dE. */
  readonly grad: Float32Array;
  /** Out: dL/dE_0 (without the L2 term). */
  readonly back: Float32Array;
}

/** A batch of triples as graph node indices (items offset by nUsers); the first n entries are used. */
export interface NodeTriples {
  readonly u: Int32Array;
  readonly i: Int32Array;
  readonly j: Int32Array;
  readonly n: number;
}

/**
 * The mean BPR loss of a batch at E_0 = b.e0, and its gradient with respect to E_0 in b.back: one forward
 * propagation E = P E_0, the per-triple terms, one backward propagation dL/dE_0 = P dL/dE.
 */
export function bprLossGradient(b: BprBuffers, t: NodeTriples): number {
  const { op, layers, d, e, grad } = b;
  propagateMean(op, layers, b.e0, e);
  grad.fill(0);
  let loss = 0;
  const invB = 1 / t.n;
  for (let s = 0; s < t.n; s++) {
    const uo = t.u[s]! * d;
    const io = t.i[s]! * d;
    const jo = t.j[s]! * d;
    let x = 0;
    for (let k = 0; k < d; k++) x += e[uo + k]! * (e[io + k]! - e[jo + k]!);
    loss += softplusNeg(x);
    const g = -sigmoidNeg(x) * invB; // dL/dx of the batch mean
    for (let k = 0; k < d; k++) {
      const ek = e[uo + k]!;
      grad[uo + k]! += g * (e[io + k]! - e[jo + k]!);
      grad[io + k]! += g * ek;
      grad[jo + k]! -= g * ek;
    }
  }
  propagateMean(op, layers, grad, b.back); // P symmetric: dL/dE_0 = P dL/dE
  return loss * invB;
}

/** The SpMM operator of the graph LightGCN-BPR trains on (binary interactions plus optional friend edges). */
export function bprOperator(r: CsrMatrix, d: number, social?: CsrMatrix, socialWeight = 1): SpmmOperator {
  return createSpmmOperator(normalizedAdjacency(binaryOf(r), social, socialWeight), d);
}

const binaryOf = (r: CsrMatrix): CsrMatrix => buildCsr(r.rows, r.cols, { rows: Array.from(entryUsers(r)), cols: r.indices });

export function fitLightGcnBpr(r: CsrMatrix, opts: LightGcnBprOptions = {}): LightGcnBprModel {
  const layers = opts.layers ?? 3;
  const d = opts.dim ?? 64;
  const epochs = opts.epochs ?? 20;
  const batch = Math.max(1, opts.batchSize ?? 4096);
  const lr = opts.learningRate ?? 0.05;
  const reg = opts.reg ?? 1e-4;
  const seed = opts.seed ?? 1;
  const nU = r.rows;
  const binary = binaryOf(r);
  const op = bprOperator(binary, d, opts.social, opts.socialWeight ?? 1);
  const e0 = initialEmbeddings(binary, d, opts.init ?? 'random', seed);
  const e = new Float32Array(e0.length); // final embeddings of the current E_0
  const grad = new Float32Array(e0.length); // dL/dE
  const back = new Float32Array(e0.length);
  const m1 = new Float32Array(e0.length);
  const m2 = new Float32Array(e0.length);
  const b1 = 0.9;
  const b2 = 0.999;
  const eps = 1e-8;
  let step = 0;
  const rng = createRng(seed);
  const users = entryUsers(binary);
  const losses: number[] = [];
  const tu = new Int32Array(batch);
  const ti = new Int32Array(batch);
  const tj = new Int32Array(batch);
  for (let ep = 0; ep < epochs; ep++) {
    const order = epochOrder(binary, rng);
    let epochLoss = 0;
    let batches = 0;
    for (let start = 0; start < order.length; start += batch) {
      // The batch's triples are drawn before the forward pass, so the RNG stream does not depend on timing.
      let nb = 0;
      for (let p = start; p < Math.min(start + batch, order.length); p++) {
        const u = users[order[p]!]!;
        const j = sampleNegative(binary, u, rng);
        if (j < 0) continue;
        tu[nb] = u;
        ti[nb] = nU + binary.indices[order[p]!]!;
        tj[nb] = nU + j;
        nb++;
      }
      if (nb === 0) continue;
      const loss = bprLossGradient({ op, layers, d, e0, e, grad, back }, { u: tu, i: ti, j: tj, n: nb });
      const invB = 1 / nb;
      epochLoss += loss;
      batches++;
      // L2 on the batch's layer-0 rows, once per occurrence (LightGCN's reg_loss / batch size)
      const rb = reg * invB;
      for (let t = 0; t < nb; t++) {
        addScaled(back, e0, tu[t]! * d, d, rb);
        addScaled(back, e0, ti[t]! * d, d, rb);
        addScaled(back, e0, tj[t]! * d, d, rb);
      }
      step++;
      const c1 = 1 / (1 - b1 ** step);
      const c2 = 1 / (1 - b2 ** step);
      for (let k = 0; k < e0.length; k++) {
        const gk = back[k]!;
        const a = (m1[k] = b1 * m1[k]! + (1 - b1) * gk);
        const v = (m2[k] = b2 * m2[k]! + (1 - b2) * gk * gk);
        e0[k]! -= (lr * (a * c1)) / (Math.sqrt(v * c2) + eps);
      }
    }
    losses.push(batches === 0 ? 0 : epochLoss / batches);
  }
  const model = fitLightGcn(binary, {
    layers,
    dim: d,
    init: e0,
    ...(opts.social === undefined ? {} : { social: opts.social, socialWeight: opts.socialWeight ?? 1 }),
  });
  return { ...model, name: opts.social === undefined ? 'LIGHTGCN-BPR' : 'LIGHTGCN-BPR+SOCIAL', layer0: e0, losses };
}
