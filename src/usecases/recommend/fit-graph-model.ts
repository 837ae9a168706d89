// The GRAPH strategy's model: the user-item graph from Neo4j mapped onto dense indices (ids sorted, so the
// same graph always gives the same indices and the same model), interaction weights damped, the base model
// fitted (./graph-base.ts: EASE, the best model of the offline evaluation, while min(users, items) is small
// enough for its dense Gram inverse; GF-CF, training-free and linear in the edges, above that) and wrapped
// with the social friend term over the user's ties: FRIEND edges both ways at weight 1, FOLLOWS edges from
// follower to followee only at opts.followWeight (a tie that is both weighs the larger). Scoring at request
// time goes through scoreNewUser, which is inductive: fresh interactions and ties are read from Neo4j per
// request (the same weights: graph-scoring.ts), nothing is refitted.
// The fit is split so its numeric work can run in a worker thread (graph-fitter.ts): packEdges (this thread:
// the ids as one string per column, a cheap copy) -> fitGraphArrays (pure: index the ids, build and weight
// the matrices, GF-CF's parts; typed arrays only, transferable back) -> assembleGraphModel (this thread:
// the id maps and the scoring closures, no numeric work). fitGraphModel runs the three in a row.
// The algorithms are imported file by file, not through recs/index.ts: the worker thread loads this module,
// and the whole package would take it several hundred milliseconds longer to start.
import { buildCsr, colSums, safePow, transpose, type CsrMatrix } from '../../algorithms/recs/csr.ts';
import { idealFilterSvd } from '../../algorithms/recs/gfcf.ts';
import type { Recommender } from '../../algorithms/recs/model.ts';
import type { SocialRecommender } from '../../algorithms/recs/social.ts';
import { weightInteractions } from '../../algorithms/recs/weighting.ts';
import type { ItemId, UserId } from '../../domain/ids.ts';
import type { GraphEdges } from '../../storage/recs-graph-store.ts';
import type { EdgeWeighting, RecsConfig } from './config.ts';
import { baseBuffers, baseFromParts, fitBaseParts, graphSocial, type BaseParts, type GraphBaseKind } from './graph-base.ts';
import { graphParams, withGraphParams, type GraphParams } from './tuning/graph-grid.ts';
import { tuneGraph, type GraphTuning } from './tuning/tune-graph.ts';
import type { BlendTuning } from './tuning/tune-blend.ts';

export interface GraphModel {
  readonly userIds: readonly UserId[];
  readonly userIndex: ReadonlyMap<string, number>;
  readonly itemIds: readonly ItemId[];
  readonly itemIndex: ReadonlyMap<string, number>;
  /** users x items, damped weights (what the model was fitted on). */
  readonly interactions: CsrMatrix;
  /** items x users (the transpose), for "via" evidence. */
  readonly itemUsers: CsrMatrix;
  /** users x users social ties with their weights: friendships both ways (1), follows follower -> followee (followWeight). */
  readonly friends: CsrMatrix;
  /** Which base model was fitted (graph-base.ts chooseGraphBase) and its fitted arrays. */
  readonly kind: GraphBaseKind;
  readonly parts: BaseParts;
  readonly base: Recommender;
  readonly model: SocialRecommender;
  readonly weighting: EdgeWeighting;
  /** The setting fitted (model, weighting, lambda/rho or alpha, socialBeta) and, when the refresh tuned it, the tuner's report. */
  readonly settings: GraphParams;
  readonly tuning: GraphTuning | undefined;
  /** The refresh's blend tuning on the same held-out split (tuning/tune-blend.ts), when it ran: the served HYBRID default. */
  readonly blend?: BlendTuning;
  /** Rank and seed of the ideal filter's SVD, fitted or (alpha = 0) computed later for the embeddings. */
  readonly svd: { readonly rank: number; readonly seed: number };
  readonly fittedAt: number;
  readonly fitMs: number;
  readonly friendships: number;
  /** Follows in the fit (follower -> followee pairs, self-follows dropped). */
  readonly follows: number;
  /** A FOLLOWS tie's weight next to a FRIEND's 1, for the ties read at request time. */
  readonly followWeight: number;
}

export type GraphOptions = RecsConfig['graph'];

/** Ids can hold no control character (src/domain/id-text.ts), so NUL separates them safely. */
export const ID_SEPARATOR = '\u0000';
const SEP = ID_SEPARATOR;

/** The fit's input in a form that crosses to a worker cheaply: one string per id column, weights as floats. */
export interface PackedEdges {
  /** Interaction user ids and item ids, joined by SEP (weights.length of each). */
  readonly users: string;
  readonly items: string;
  readonly weights: Float32Array;
  /** Friendship ends, joined by SEP (friendCount of each). */
  readonly friendsA: string;
  readonly friendsB: string;
  readonly friendCount: number;
  /** Follow ends (follower, followee), joined by SEP (followCount of each). */
  readonly followers: string;
  readonly followees: string;
  readonly followCount: number;
}

/** Everything numeric a fit computes: strings and typed arrays only (see graphArrayBuffers). */
export interface GraphArrays {
  /** Sorted unique ids, joined by SEP (the dense index is the position). */
  readonly userIds: string;
  readonly itemIds: string;
  readonly interactions: CsrMatrix;
  readonly itemUsers: CsrMatrix;
  readonly friends: CsrMatrix;
  readonly base: BaseParts;
  /** The setting fitted: the tuner's choice, or the configured one (its model resolved by the store's size). */
  readonly settings: GraphParams;
  readonly tuning?: GraphTuning;
  readonly rank: number;
  readonly friendships: number;
  readonly follows: number;
}

export function fitGraphModel(edges: GraphEdges, opts: GraphOptions, fittedAt: number): GraphModel {
  const t0 = performance.now();
  const arrays = fitGraphArrays(packEdges(edges), opts);
  return assembleGraphModel(arrays, opts, fittedAt, performance.now() - t0);
}

export function packEdges(edges: GraphEdges): PackedEdges {
  const n = edges.interactions.length;
  const weights = new Float32Array(n);
  edges.interactions.forEach((e, k) => {
    weights[k] = e.weight;
  });
  return {
    users: edges.interactions.map((e) => e.userId).join(SEP),
    items: edges.interactions.map((e) => e.itemId).join(SEP),
    weights,
    friendsA: edges.friendships.map((f) => f.a).join(SEP),
    friendsB: edges.friendships.map((f) => f.b).join(SEP),
    friendCount: edges.friendships.length,
    followers: (edges.follows ?? []).map((f) => f.follower).join(SEP),
    followees: (edges.follows ?? []).map((f) => f.followee).join(SEP),
    followCount: edges.follows?.length ?? 0,
  };
}

/** The pure fit: ids sorted (the same graph always gives the same indices), matrices built, GF-CF fitted. */
export function fitGraphArrays(packed: PackedEdges, opts: GraphOptions): GraphArrays {
  const n = packed.weights.length;
  const users = unpack(packed.users, n);
  const items = unpack(packed.items, n);
  const fa = unpack(packed.friendsA, packed.friendCount);
  const fb = unpack(packed.friendsB, packed.friendCount);
  const wa = unpack(packed.followers, packed.followCount);
  const wb = unpack(packed.followees, packed.followCount);
  const userIds = sortedUnique([...users, ...fa, ...fb, ...wa, ...wb]);
  const itemIds = sortedUnique(items);
  const userIndex = new Map(userIds.map((id, k) => [id, k]));
  const itemIndex = new Map(itemIds.map((id, k) => [id, k]));
  const rows = new Int32Array(n);
  const cols = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    rows[k] = userIndex.get(users[k]!)!;
    cols[k] = itemIndex.get(items[k]!)!;
  }
  const raw = buildCsr(userIds.length, itemIds.length, { rows, cols, values: packed.weights });
  // One tie per ordered pair, at its largest weight: a friendship stored in both directions stays 1, and a
  // friend who is also followed weighs as a friend (buildCsr would sum duplicates).
  const nU = userIds.length;
  const ties = new Map<number, number>();
  const tie = (a: number, b: number, w: number): void => {
    if (a === b || !(w > 0)) return;
    const key = a * nU + b;
    ties.set(key, Math.max(ties.get(key) ?? 0, w));
  };
  let friendships = 0;
  for (let k = 0; k < packed.friendCount; k++) {
    const a = userIndex.get(fa[k]!)!;
    const b = userIndex.get(fb[k]!)!;
    if (a === b) continue;
    friendships++;
    tie(a, b, 1);
    tie(b, a, 1);
  }
  let follows = 0;
  for (let k = 0; k < packed.followCount; k++) {
    const a = userIndex.get(wa[k]!)!;
    const b = userIndex.get(wb[k]!)!;
    if (a === b) continue;
    follows++;
    tie(a, b, opts.followWeight);
  }
  const fr = new Int32Array(ties.size);
  const fc = new Int32Array(ties.size);
  const fv = new Float32Array(ties.size);
  let t = 0;
  for (const [key, w] of ties) {
    fr[t] = Math.floor(key / nU);
    fc[t] = key % nU;
    fv[t++] = w;
  }
  const friends = buildCsr(nU, nU, { rows: fr, cols: fc, values: fv });
  // Per-store tuning (tuning/tune-graph.ts) on a held-out split of these very edges, then the chosen setting
  // is fitted on all of them. A store too small to choose on keeps the configured setting.
  const tuning = opts.tuning.enabled ? tuneGraph(raw, friends, opts, opts.tuning) : undefined;
  const settings = tuning?.chosen ?? graphParams(opts, { users: nU, items: itemIds.length });
  const fitted = withGraphParams(opts, settings);
  const interactions = weightInteractions(raw, fitted.weighting);
  const rank = Math.max(1, Math.min(fitted.rank, userIds.length, itemIds.length));
  const base = fitBaseParts(interactions, { ...fitted, rank });
  return {
    userIds: userIds.join(SEP), itemIds: itemIds.join(SEP), interactions, itemUsers: transpose(interactions), friends, base, rank, settings,
    ...(tuning === undefined ? {} : { tuning }),
    friendships, follows,
  };
}

/** The model over fitted arrays: id maps and scoring closures only (O(users + items)). */
export function assembleGraphModel(a: GraphArrays, opts: GraphOptions, fittedAt: number, fitMs: number): GraphModel {
  const userIds = unpack(a.userIds, a.interactions.rows) as UserId[];
  const itemIds = unpack(a.itemIds, a.interactions.cols) as ItemId[];
  const fitted = withGraphParams(opts, a.settings);
  const base = baseFromParts(a.interactions, a.base);
  const model = graphSocial(base, a.friends, a.interactions, fitted);
  return {
    userIds, userIndex: new Map(userIds.map((id, k) => [id as string, k])), itemIds, itemIndex: new Map(itemIds.map((id, k) => [id as string, k])),
    interactions: a.interactions, itemUsers: a.itemUsers, friends: a.friends, kind: a.base.kind, parts: a.base, base, model,
    weighting: fitted.weighting, settings: a.settings, tuning: a.tuning, svd: { rank: a.rank, seed: opts.seed }, fittedAt, fitMs, friendships: a.friendships,
    follows: a.follows, followWeight: opts.followWeight,
  };
}

/** The distinct buffers under a fit's arrays (some share one), for postMessage's transfer list. */
export function graphArrayBuffers(a: GraphArrays): ArrayBuffer[] {
  const csr = (m: CsrMatrix) => [m.indptr, m.indices, m.values];
  const h = a.tuning?.holdout;
  const holdout = h === undefined ? [] : [h.users, h.heldOutOffsets, h.heldOut, h.offsets, h.items, h.scores];
  const arrays = [...csr(a.interactions), ...csr(a.itemUsers), ...csr(a.friends), ...holdout].map((x) => x.buffer as ArrayBuffer);
  return [...new Set([...arrays, ...baseBuffers(a.base)])];
}

function unpack(s: string, n: number): string[] {
  return n === 0 ? [] : s.split(SEP);
}

/**
 * The same damping the model was fitted with, for one user's weights read at request time: the fit's own
 * weightInteractions on a one-row matrix, so per-user weightings (user-exp, user-pow: relative to the user's
 * largest weight) damp exactly as in the fit. Non-positive weights give 0.
 */
export function dampWeights(ws: readonly number[], weighting: EdgeWeighting): Float32Array {
  const n = ws.length;
  const row = buildCsr(1, n, { rows: new Int32Array(n), cols: Int32Array.from({ length: n }, (_, k) => k), values: Float32Array.from(ws, (w) => (w > 0 ? w : 0)) });
  const damped = weightInteractions(row, weighting);
  const out = new Float32Array(n);
  for (let p = 0; p < damped.indices.length; p++) out[damped.indices[p]!] = damped.values[p]!;
  return out;
}

/**
 * 64-dim vectors whose dot product is GF-CF's ideal low-pass term (Shen et al. 2021):
 *   item i:  d_i^{1/2} U_i          user u:  sum_j r_uj d_j^{-1/2} U_j
 * with U the top-k right singular vectors of the normalized matrix and d the item degrees; zero-padded to
 * `dims` when the graph has rank below it. Null when the vector is zero (cosine is undefined there).
 * A model ranked with alpha = 0 (or by EASE) has no U_k: it is computed here, so only a refresh that writes vectors pays for it.
 */
export function graphEmbeddings(m: GraphModel, dims: number): { items: (number[] | null)[]; users: (number[] | null)[] } {
  const nItems = m.itemIds.length;
  const nUsers = m.userIds.length;
  if (nItems === 0 || nUsers === 0) return { items: new Array<null>(nItems).fill(null), users: new Array<null>(nUsers).fill(null) };
  const svd = (m.parts.kind === 'GF-CF' ? m.parts.gfcf.svd : undefined) ?? idealFilterSvd(m.interactions, m.svd);
  const k = Math.min(svd.k, dims);
  const deg = colSums(m.interactions);
  const dHalf = safePow(deg, 0.5);
  const dInvHalf = safePow(deg, -0.5);
  const items = Array.from({ length: nItems }, (_, i) => {
    const v = new Array<number>(dims).fill(0);
    for (let j = 0; j < k; j++) v[j] = dHalf[i]! * svd.right[i * svd.k + j]!;
    return nonZero(v);
  });
  const users = Array.from({ length: nUsers }, (_, u) => {
    const v = new Array<number>(dims).fill(0);
    const r = m.interactions;
    for (let p = r.indptr[u]!; p < r.indptr[u + 1]!; p++) {
      const i = r.indices[p]!;
      const w = r.values[p]! * dInvHalf[i]!;
      for (let j = 0; j < k; j++) v[j]! += w * svd.right[i * svd.k + j]!;
    }
    return nonZero(v);
  });
  return { items, users };
}

function nonZero(v: number[]): number[] | null {
  return v.some((x) => x !== 0 && Number.isFinite(x)) ? v : null;
}

function sortedUnique<T extends string>(xs: readonly T[]): T[] {
  return [...new Set(xs)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
