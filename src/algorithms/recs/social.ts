// Social friend term on top of any recommender (in the spirit of social-regularized CF such as SoRec / the
// friend aggregation of DiffNet, but training-free):
//   s_u = n(base(u)) + beta * mean_{f in F(u)} n(signal(f)),   n(x) = x / max|x|,
// where signal(f) is either the friend's own (weighted) interaction row ('interactions': what my friends play)
// or the friend's propagated base scores ('scores': what the model would recommend to my friends). Max-abs
// normalization puts every user's vector on the same scale so beta is comparable across users and models.
// Weighted ties (opts.weighted, e.g. a FOLLOWS tie at half a FRIEND's weight): each tie f of weight w_f adds
// beta * w_f / |F(u)| * n(signal(f)); with every weight 1 this is the plain mean above.
// Users with no friends get exactly the base ranking. Inductive: scoreNewUser takes fresh items and/or friend
// indices, so a friends-only user (no interactions yet) is served by the friend term alone.
import type { CsrMatrix } from './csr.ts';
import { normalizeMaxAbs, outBuffer, type Recommender, type SparseVector } from './model.ts';

export type FriendSignal = 'interactions' | 'scores';

export interface SocialOptions {
  readonly beta: number;
  readonly signal: FriendSignal;
  /** Keep each friend's normalized score vector after first use (eval: ~nUsers x nItems floats). Default false. */
  readonly cache?: boolean;
  /** Read the adjacency's values as tie weights (default false: every tie weighs 1, values ignored). */
  readonly weighted?: boolean;
}

export interface NewUserInput {
  readonly items?: SparseVector;
  /** Friend user indices (known users). */
  readonly friends?: ArrayLike<number>;
  /** Each friend's tie weight, parallel to friends (absent: 1 each). */
  readonly friendWeights?: ArrayLike<number>;
}

export interface SocialRecommender extends Recommender {
  scoreNewUser(input: NewUserInput, out?: Float32Array): Float32Array;
}

/**
 * @param friends users x users adjacency, row u = u's ties (symmetric for undirected friendship; a directed
 *   follow is u -> followee only); values are tie weights when opts.weighted, else ignored.
 * @param interactions users x items weighted training matrix (the 'interactions' signal).
 */
export function withSocial(base: Recommender, friends: CsrMatrix, interactions: CsrMatrix, opts: SocialOptions): SocialRecommender {
  const nItems = base.nItems;
  const cache = new Map<number, Float32Array>();
  const tmp = new Float32Array(nItems);

  const friendSignal = (f: number): Float32Array => {
    const hit = cache.get(f);
    if (hit !== undefined) return hit;
    let s: Float32Array;
    if (opts.signal === 'scores') s = normalizeMaxAbs(base.scoreUser(f, opts.cache === true ? new Float32Array(nItems) : tmp));
    else {
      s = opts.cache === true ? new Float32Array(nItems) : tmp;
      s.fill(0);
      for (let p = interactions.indptr[f]!; p < interactions.indptr[f + 1]!; p++) s[interactions.indices[p]!] = interactions.values[p]!;
      normalizeMaxAbs(s);
    }
    if (opts.cache === true) cache.set(f, s);
    return s;
  };

  const addFriends = (fr: ArrayLike<number>, out: Float32Array, weights?: ArrayLike<number>): Float32Array => {
    if (fr.length === 0 || opts.beta === 0) return out;
    const w0 = opts.beta / fr.length;
    for (let t = 0; t < fr.length; t++) {
      const f = fr[t] as number;
      if (f < 0 || f >= base.nUsers) continue;
      const w = weights === undefined ? w0 : w0 * (weights[t] as number);
      if (w === 0) continue;
      const s = friendSignal(f);
      for (let i = 0; i < nItems; i++) out[i]! += w * s[i]!;
    }
    return out;
  };

  return {
    name: `${base.name}+SOCIAL`,
    nUsers: base.nUsers,
    nItems,
    scoreUser: (u, out) => {
      const o = normalizeMaxAbs(base.scoreUser(u, outBuffer(nItems, out)));
      const row = [friends.indptr[u]!, friends.indptr[u + 1]!] as const;
      return addFriends(friends.indices.subarray(...row), o, opts.weighted === true ? friends.values.subarray(...row) : undefined);
    },
    scoreVector: (v, out) => normalizeMaxAbs(base.scoreVector(v, outBuffer(nItems, out))),
    scoreNewUser: (input, out) => {
      const o = outBuffer(nItems, out);
      if (input.items !== undefined && input.items.indices.length > 0) normalizeMaxAbs(base.scoreVector(input.items, o));
      return addFriends(input.friends ?? [], o, input.friendWeights);
    },
  };
}
