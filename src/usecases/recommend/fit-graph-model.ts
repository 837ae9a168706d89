// The GRAPH strategy's model: the user-item graph from Neo4j mapped onto dense indices (ids sorted, so the
// same graph always gives the same indices and the same model), interaction weights damped, GF-CF fitted
// (src/algorithms/recs/gfcf.ts: the strongest training-free model of the algorithms package) and wrapped
// with the social friend term. Scoring at request time goes through scoreNewUser, which is inductive:
// fresh interactions and friends are read from Neo4j per request, nothing is refitted.
import {
  buildCsr, colSums, fitGfcf, idealFilterSvd, safePow, transpose, weightInteractions, withSocial,
  type CsrMatrix, type GfcfModel, type SocialRecommender,
} from '../../algorithms/recs/index.ts';
import type { ItemId, UserId } from '../../domain/ids.ts';
import type { GraphEdges } from '../../storage/recs-graph-store.ts';
import type { EdgeWeighting, RecsConfig } from './config.ts';

export interface GraphModel {
  readonly userIds: readonly UserId[];
  readonly userIndex: ReadonlyMap<string, number>;
  readonly itemIds: readonly ItemId[];
  readonly itemIndex: ReadonlyMap<string, number>;
  /** users x items, damped weights (what the model was fitted on). */
  readonly interactions: CsrMatrix;
  /** items x users (the transpose), for "via" evidence. */
  readonly itemUsers: CsrMatrix;
  /** users x users, symmetric friendships. */
  readonly friends: CsrMatrix;
  readonly base: GfcfModel;
  readonly model: SocialRecommender;
  readonly weighting: EdgeWeighting;
  /** Rank and seed of the ideal filter's SVD, fitted or (alpha = 0) computed later for the embeddings. */
  readonly svd: { readonly rank: number; readonly seed: number };
  readonly fittedAt: number;
  readonly fitMs: number;
  readonly friendships: number;
}

export type GraphOptions = RecsConfig['graph'];

export function fitGraphModel(edges: GraphEdges, opts: GraphOptions, fittedAt: number): GraphModel {
  const t0 = performance.now();
  const userIds = sortedUnique([...edges.interactions.map((e) => e.userId), ...edges.friendships.flatMap((f) => [f.a, f.b])]);
  const itemIds = sortedUnique(edges.interactions.map((e) => e.itemId));
  const userIndex = new Map(userIds.map((id, k) => [id as string, k]));
  const itemIndex = new Map(itemIds.map((id, k) => [id as string, k]));
  const n = edges.interactions.length;
  const rows = new Int32Array(n);
  const cols = new Int32Array(n);
  const vals = new Float32Array(n);
  edges.interactions.forEach((e, k) => {
    rows[k] = userIndex.get(e.userId)!;
    cols[k] = itemIndex.get(e.itemId)!;
    vals[k] = e.weight;
  });
  const interactions = weightInteractions(buildCsr(userIds.length, itemIds.length, { rows, cols, values: vals }), opts.weighting);
  const fr: number[] = [];
  const fc: number[] = [];
  for (const f of edges.friendships) {
    const a = userIndex.get(f.a)!;
    const b = userIndex.get(f.b)!;
    if (a === b) continue;
    fr.push(a, b);
    fc.push(b, a);
  }
  // Duplicates (a friendship seen from both sides) sum in buildCsr; values are ignored by withSocial.
  const friends = buildCsr(userIds.length, userIds.length, { rows: fr, cols: fc });
  const rank = Math.max(1, Math.min(opts.rank, userIds.length, itemIds.length));
  const base = fitGfcf(interactions, { alpha: itemIds.length > 0 ? opts.alpha : 0, rank, seed: opts.seed });
  const model = withSocial(base, friends, interactions, { beta: opts.socialBeta, signal: 'interactions' });
  return {
    userIds, userIndex, itemIds, itemIndex, interactions, itemUsers: transpose(interactions), friends, base, model,
    weighting: opts.weighting, svd: { rank, seed: opts.seed }, fittedAt, fitMs: performance.now() - t0, friendships: fr.length / 2,
  };
}

/** The same damping the model was fitted with, for a weight read at request time. */
export function dampWeight(w: number, weighting: EdgeWeighting): number {
  if (!(w > 0)) return 0;
  switch (weighting) {
    case 'binary': return 1;
    case 'log1p': return Math.log1p(w);
    case 'raw': return w;
  }
}

/**
 * 64-dim vectors whose dot product is GF-CF's ideal low-pass term (Shen et al. 2021):
 *   item i:  d_i^{1/2} U_i          user u:  sum_j r_uj d_j^{-1/2} U_j
 * with U the top-k right singular vectors of the normalized matrix and d the item degrees; zero-padded to
 * `dims` when the graph has rank below it. Null when the vector is zero (cosine is undefined there).
 * A model ranked with alpha = 0 has no U_k: it is computed here, so only a refresh that writes vectors pays for it.
 */
export function graphEmbeddings(m: GraphModel, dims: number): { items: (number[] | null)[]; users: (number[] | null)[] } {
  const nItems = m.itemIds.length;
  const nUsers = m.userIds.length;
  if (nItems === 0 || nUsers === 0) return { items: new Array<null>(nItems).fill(null), users: new Array<null>(nUsers).fill(null) };
  const svd = m.base.svd ?? idealFilterSvd(m.interactions, m.svd);
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
