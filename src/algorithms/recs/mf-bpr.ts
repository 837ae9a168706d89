// Matrix factorisation with biases, r(u, i) = mu + b_u + b_i + <p_u, q_i> (Koren, Bell & Volinsky, IEEE
// Computer 2009), trained for ranking with BPR (Rendle et al., UAI 2009): for a triple (u, i, j) with i seen and
// j not, maximise log sigmoid(r(u, i) - r(u, j)) by SGD with L2 regularisation. The global mean mu and the user
// bias b_u add the same amount to every item of a user, so they cancel in r(u, i) - r(u, j): BPR carries no
// signal for them and they are fixed at 0, which leaves every user's ranking exactly that of the full
// formula. The item bias b_i (popularity) and the factors are learned. Interactions count as binary.
// Cost: epochs * nnz * 3d multiply-adds; scoring nItems * d per user. Deterministic for a seed: the RNG draws
// the initial factors, each epoch's order and the negatives; ties in ranking are the caller's (topK: lower
// index first).
import { entryUsers, epochOrder, sampleNegative, sigmoidNeg, softplusNeg } from './bpr-sampler.ts';
import { outBuffer, type Recommender, type SparseVector } from './model.ts';
import { buildCsr, type CsrMatrix } from './csr.ts';
import { createRng } from './rng.ts';

export interface MfBprOptions {
  /** Factor size d. Default 64. */
  readonly dim?: number;
  /** Passes over the observed pairs. Default 50 (defaults: the evaluation's choice on Last.fm, docs/eval-results.md). */
  readonly epochs?: number;
  /** SGD step. Default 0.05. */
  readonly learningRate?: number;
  /** L2 weight on the factors and item biases touched by a step. Default 0.02. */
  readonly reg?: number;
  readonly seed?: number;
}

export interface MfBprModel extends Recommender {
  readonly dim: number;
  /** nUsers x dim, row-major. */
  readonly userFactors: Float64Array;
  /** nItems x dim, row-major. */
  readonly itemFactors: Float64Array;
  readonly itemBias: Float64Array;
  /** Per epoch, the mean BPR loss -log sigmoid(r_ui - r_uj) of its triples, each taken just before its own step. */
  readonly losses: readonly number[];
}

interface Sgd {
  readonly d: number;
  readonly lr: number;
  readonly reg: number;
}

/** One SGD step of BPR on the triple (user at offset po of p, i, j); returns the triple's loss before the step. */
function bprStep(s: Sgd, p: Float64Array, po: number, q: Float64Array, b: Float64Array, i: number, j: number, tmp: Float64Array): number {
  const { d, lr, reg } = s;
  const io = i * d;
  const jo = j * d;
  let x = b[i]! - b[j]!;
  for (let k = 0; k < d; k++) x += p[po + k]! * (q[io + k]! - q[jo + k]!);
  const g = sigmoidNeg(x);
  for (let k = 0; k < d; k++) {
    const pk = p[po + k]!;
    tmp[k] = pk;
    p[po + k] = pk + lr * (g * (q[io + k]! - q[jo + k]!) - reg * pk);
  }
  for (let k = 0; k < d; k++) {
    const pk = tmp[k]!; // the user's factors before this step
    q[io + k] = q[io + k]! + lr * (g * pk - reg * q[io + k]!);
    q[jo + k] = q[jo + k]! + lr * (-g * pk - reg * q[jo + k]!);
  }
  b[i] = b[i]! + lr * (g - reg * b[i]!);
  b[j] = b[j]! + lr * (-g - reg * b[j]!);
  return softplusNeg(x);
}

export function fitMfBpr(r: CsrMatrix, opts: MfBprOptions = {}): MfBprModel {
  const d = opts.dim ?? 64;
  const epochs = opts.epochs ?? 50;
  const sgd: Sgd = { d, lr: opts.learningRate ?? 0.05, reg: opts.reg ?? 0.02 };
  const nU = r.rows;
  const nItems = r.cols;
  const rng = createRng(opts.seed ?? 1);
  // N(0, 0.1^2) factors: small enough that early sigmoids are ~1/2, large enough to break symmetry.
  const p = new Float64Array(nU * d);
  const q = new Float64Array(nItems * d);
  for (let k = 0; k < p.length; k++) p[k] = 0.1 * rng.normal();
  for (let k = 0; k < q.length; k++) q[k] = 0.1 * rng.normal();
  const b = new Float64Array(nItems);
  const users = entryUsers(r);
  const tmp = new Float64Array(d);
  const losses: number[] = [];
  for (let e = 0; e < epochs; e++) {
    let loss = 0;
    let steps = 0;
    for (const pos of epochOrder(r, rng)) {
      const u = users[pos]!;
      const j = sampleNegative(r, u, rng);
      if (j < 0) continue;
      loss += bprStep(sgd, p, u * d, q, b, r.indices[pos]!, j, tmp);
      steps++;
    }
    losses.push(steps === 0 ? 0 : loss / steps);
  }

  const scoreWith = (pu: Float64Array, po: number, out: Float32Array): Float32Array => {
    for (let i = 0; i < nItems; i++) {
      const io = i * d;
      let s = b[i]!;
      for (let k = 0; k < d; k++) s += pu[po + k]! * q[io + k]!;
      out[i] = s;
    }
    return out;
  };
  return {
    name: 'MF-BPR',
    nUsers: nU,
    nItems,
    dim: d,
    userFactors: p,
    itemFactors: q,
    itemBias: b,
    losses,
    scoreUser: (u, out) => scoreWith(p, u * d, outBuffer(nItems, out)),
    scoreVector: (v: SparseVector, out) => scoreWith(foldIn(v, q, b, nItems, sgd, epochs, opts.seed ?? 1), 0, outBuffer(nItems, out)),
  };
}

/**
 * A user who was not in the fit (new events): the same BPR steps over its items, with the item factors and
 * biases frozen, starting from zero. Deterministic (seeded); costs epochs * |items| * 2d.
 */
function foldIn(v: SparseVector, q: Float64Array, b: Float64Array, nItems: number, s: Sgd, epochs: number, seed: number): Float64Array {
  const items = Array.from(v.indices).filter((i) => i >= 0 && i < nItems);
  const pu = new Float64Array(s.d);
  if (items.length === 0) return pu;
  const row = buildCsr(1, nItems, { rows: items.map(() => 0), cols: items });
  const rng = createRng(seed);
  const { d, lr, reg } = s;
  for (let e = 0; e < epochs; e++) {
    for (let t = 0; t < row.indices.length; t++) {
      const i = row.indices[rng.int(row.indices.length)]!;
      const j = sampleNegative(row, 0, rng);
      if (j < 0) continue;
      let x = b[i]! - b[j]!;
      for (let k = 0; k < d; k++) x += pu[k]! * (q[i * d + k]! - q[j * d + k]!);
      const g = sigmoidNeg(x);
      for (let k = 0; k < d; k++) pu[k] = pu[k]! + lr * (g * (q[i * d + k]! - q[j * d + k]!) - reg * pu[k]!);
    }
  }
  return pu;
}
