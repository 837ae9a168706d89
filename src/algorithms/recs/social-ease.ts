// Social EASE: the friend graph as extra input columns of the closed-form item model. Each user's row becomes
// [x_u | gamma * f_u] (f_u: the user's friends as a 0/1 vector over users), EASE (./ease.ts) is fitted on the
// augmented matrix, and only the item part of its output is used. The model thus learns, in closed form,
// weights from "friend v" to items next to the usual item-item weights (a linear cousin of social
// recommenders such as SocialMF / DiffNet). In the user-space dual the cost is unchanged: the Gram matrix just
// gains gamma^2 F F^T. gamma = 0 reduces exactly to EASE.
import { buildCsr, type CsrMatrix } from './csr.ts';
import { fitEase, type EaseOptions } from './ease.ts';
import { outBuffer, type SparseVector } from './model.ts';
import type { NewUserInput, SocialRecommender } from './social.ts';

export interface SocialEaseOptions extends EaseOptions {
  /** Weight gamma of a friend column relative to an interaction of weight 1. Default 0.5. */
  readonly friendWeight?: number;
}

export function fitSocialEase(x: CsrMatrix, friends: CsrMatrix, opts: SocialEaseOptions = {}): SocialRecommender {
  const gamma = opts.friendWeight ?? 0.5;
  const nU = x.rows;
  const nI = x.cols;
  const rows: number[] = [];
  const cols: number[] = [];
  const vals: number[] = [];
  for (let u = 0; u < nU; u++) {
    for (let p = x.indptr[u]!; p < x.indptr[u + 1]!; p++) {
      rows.push(u);
      cols.push(x.indices[p]!);
      vals.push(x.values[p]!);
    }
    if (gamma === 0) continue;
    for (let p = friends.indptr[u]!; p < friends.indptr[u + 1]!; p++) {
      rows.push(u);
      cols.push(nI + friends.indices[p]!);
      vals.push(gamma);
    }
  }
  const ease = fitEase(buildCsr(nU, nI + nU, { rows, cols, values: vals }), opts);
  const wide = new Float32Array(nI + nU);
  const narrow = (out?: Float32Array): Float32Array => {
    const o = outBuffer(nI, out);
    o.set(wide.subarray(0, nI));
    return o;
  };
  const scoreNewUser = (input: NewUserInput, out?: Float32Array): Float32Array => {
    const idx: number[] = [];
    const val: number[] = [];
    const items = input.items;
    if (items !== undefined) {
      for (let e = 0; e < items.indices.length; e++) {
        idx.push(items.indices[e] as number);
        val.push(items.values === undefined ? 1 : (items.values[e] as number));
      }
    }
    for (const f of Array.from(input.friends ?? [])) {
      if (f < 0 || f >= nU || gamma === 0) continue;
      idx.push(nI + f);
      val.push(gamma);
    }
    ease.scoreVector({ indices: idx, values: val }, wide);
    return narrow(out);
  };
  return {
    name: 'EASE+SOCIAL',
    nUsers: nU,
    nItems: nI,
    scoreUser: (u, out) => {
      ease.scoreUser(u, wide);
      return narrow(out);
    },
    scoreVector: (v: SparseVector, out) => scoreNewUser({ items: v }, out),
    scoreNewUser,
  };
}
