// Per-store tuning of the GRAPH model at refresh: on a held-out split of the store's own interactions
// (./validation-split.ts), fit each candidate setting (./graph-grid.ts points: model, weighting, lambda/rho
// or alpha, socialBeta) on the rest, rank all items for each sampled user (training items excluded, positive
// scores only, as served) and score each by the mean NDCG@10 of the held-out items. The configured setting
// stays unless the best candidate beats it by the family-wise margin (validation-split.ts switchMarginSe).
// Candidates are tried in order, the configured setting first, so when the time budget runs out the choice is
// among those scored, never worse than the configured one on this data. Fits are shared between candidates that
// differ only in socialBeta. Runs where the fit runs (the worker thread); the report is plain data.
// Cost: one fit per distinct (model, weighting, lambda/rho or alpha) plus users x nItems scoring per candidate.
import type { CsrMatrix } from '../../../algorithms/recs/csr.ts';
import type { Recommender } from '../../../algorithms/recs/model.ts';
import { topK, type Ranked } from '../../../algorithms/recs/top-k.ts';
import { weightInteractions } from '../../../algorithms/recs/weighting.ts';
import type { RecsConfig } from '../config.ts';
import { baseFromParts, chooseGraphBase, fitBaseParts, graphSocial } from '../graph-base.ts';
import { graphGrid, graphParams, withGraphParams, type GraphAxes, type GraphParams } from './graph-grid.ts';
import { beatsClearly, holdOutPerUser, ndcgAt10Of, switchMarginSe, type ValidationSplit } from './validation-split.ts';

export interface GraphTuning {
  /** Users whose held-out items were ranked. */
  readonly users: number;
  readonly ms: number;
  /** False when the budget stopped the search before every candidate was scored. */
  readonly complete: boolean;
  readonly chosen: GraphParams;
  readonly chosenNdcg10: number;
  /** Every candidate scored, in the order tried. */
  readonly candidates: readonly { readonly params: GraphParams; readonly ndcg10: number }[];
  /**
   * The held-out split and the chosen setting's GRAPH candidates on it, for the blend tuner (./tune-blend.ts),
   * which runs where the other sources are (the main thread): plain typed arrays, so it crosses from the
   * worker cheaply. Not part of the report.
   */
  readonly holdout?: GraphHoldout;
}

/**
 * Per sampled user k (dense indices of the fit): the held-out items at heldOut[heldOutOffsets[k] ..
 * heldOutOffsets[k + 1]), and the chosen setting's top `pool` candidates (fitted on the training part;
 * training items and non-positive scores left out) at
 * items[offsets[k] .. offsets[k + 1]), scores alongside.
 */
export interface GraphHoldout {
  readonly users: Int32Array;
  readonly heldOutOffsets: Int32Array;
  readonly heldOut: Int32Array;
  readonly offsets: Int32Array;
  readonly items: Int32Array;
  readonly scores: Float32Array;
}

/** The tuner's search (config.graph.tuning). */
export interface GraphTuningOptions {
  readonly enabled: boolean;
  /** At most this many users are sampled. */
  readonly maxUsers: number;
  /** Share of each sampled user's positive items held out (at least one; 0: one item). */
  readonly holdOutFraction: number;
  /** With fewer eligible users (>= 3 positive items) the store keeps the configured setting: too little data to choose on. */
  readonly minUsers: number;
  /** The search stops starting candidates after this long (the configured one is always scored). */
  readonly budgetMs: number;
  readonly seed: number;
  readonly axes: GraphAxes;
  /** GRAPH candidates kept per held-out user for the blend tuner (the hybrid's candidatePool); 0: none kept. */
  readonly pool?: number;
}

type GraphConfig = RecsConfig['graph'];

/**
 * The candidates for a users x items store: the configured setting first, then the grid points the store's
 * size allows: GF-CF always, EASE only while min(users, items) <= easeMaxDim (its dense inverse). Where both
 * fit, validation decides (the demo shop's data prefers GF-CF, Last.fm's EASE: docs/eval-results.md).
 */
export function tuningCandidates(cfg: GraphConfig, dims: { users: number; items: number }, axes: GraphAxes): GraphParams[] {
  const first = graphParams(cfg, dims);
  const easeFits = chooseGraphBase(dims.users, dims.items, { model: 'auto', easeMaxDim: cfg.easeMaxDim }) === 'EASE';
  const key = (p: GraphParams) => JSON.stringify(p);
  const grid = graphGrid(axes).filter((p) => (p.model === 'GF-CF' || easeFits) && key(p) !== key(first));
  return [first, ...grid];
}

/**
 * @param x users x items, the store's edge weights (not damped: each candidate damps with its weighting)
 * @param friends users x users ties with their weights
 * Undefined when the store has fewer than minUsers eligible users.
 */
export function tuneGraph(x: CsrMatrix, friends: CsrMatrix, cfg: GraphConfig, o: GraphTuningOptions, now: () => number = () => performance.now()): GraphTuning | undefined {
  const t0 = now();
  const split = holdOutPerUser(x, { maxUsers: o.maxUsers, minItems: 3, fraction: o.holdOutFraction, seed: o.seed });
  if (split.users.length < Math.max(1, o.minUsers)) return undefined;
  const candidates = tuningCandidates(cfg, { users: x.rows, items: x.cols }, o.axes);
  const fits = new Map<string, { damped: CsrMatrix; base: Recommender }>();
  const targets = Array.from(split.users, (_, k) => new Set(split.heldOut.subarray(split.heldOutOffsets[k]!, split.heldOutOffsets[k + 1]!)));
  const scored: { params: GraphParams; ndcg10: number; model: Recommender; perUser: Float64Array }[] = [];
  const buf = new Float32Array(x.cols);
  const mask = new Uint8Array(x.cols);
  for (const p of candidates) {
    if (scored.length > 0 && now() - t0 > o.budgetMs) break;
    const g = withGraphParams(cfg, p);
    const { socialBeta: _beta, ...fitKey } = p;
    const key = JSON.stringify(fitKey);
    let fit = fits.get(key);
    if (fit === undefined) {
      const damped = weightInteractions(split.train, g.weighting);
      fit = { damped, base: baseFromParts(damped, fitBaseParts(damped, g)) };
      fits.set(key, fit);
    }
    const model = graphSocial(fit.base, friends, fit.damped, g);
    let sum = 0;
    const perUser = new Float64Array(split.users.length);
    split.users.forEach((u, k) => {
      const top = topForUser(model, split.train, u, 10, buf, mask);
      perUser[k] = ndcgAt10Of(top.items, targets[k]!);
      sum += perUser[k]!;
    });
    scored.push({ params: p, ndcg10: sum / split.users.length, model, perUser });
  }
  // The configured setting (first) stays unless the best-scoring candidate beats it clearly (by more than
  // switchMarginSe(challengers) standard errors of the paired difference): validation on a few hundred users
  // is noisy, and chasing its noise served worse settings (validation-split.ts).
  const top = scored.reduce((a, b) => (b.ndcg10 > a.ndcg10 ? b : a));
  const best = beatsClearly(scored[0]!.perUser, top.perUser, switchMarginSe(scored.length - 1)) ? top : scored[0]!;
  const report = {
    users: split.users.length, ms: 0, complete: scored.length === candidates.length, chosen: best.params, chosenNdcg10: best.ndcg10,
    candidates: scored.map((c) => ({ params: c.params, ndcg10: c.ndcg10 })),
  };
  const holdout = (o.pool ?? 0) > 0 ? holdoutLists(best.model, split, o.pool!, buf, mask) : undefined;
  return { ...report, ms: now() - t0, ...(holdout === undefined ? {} : { holdout }) };
}

/** User u's top `k` items by the model, training items and non-positive scores left out. */
function topForUser(model: Recommender, train: CsrMatrix, u: number, k: number, buf: Float32Array, mask: Uint8Array): Ranked {
  model.scoreUser(u, buf);
  mask.fill(0);
  for (let q = train.indptr[u]!; q < train.indptr[u + 1]!; q++) mask[train.indices[q]!] = 1;
  for (let i = 0; i < buf.length; i++) if (!(buf[i]! > 0)) mask[i] = 1;
  return topK(buf, k, mask);
}

function holdoutLists(model: Recommender, split: ValidationSplit, pool: number, buf: Float32Array, mask: Uint8Array): GraphHoldout {
  const offsets = new Int32Array(split.users.length + 1);
  const items: number[] = [];
  const scores: number[] = [];
  split.users.forEach((u, k) => {
    const top = topForUser(model, split.train, u, pool, buf, mask);
    items.push(...top.items);
    scores.push(...top.scores);
    offsets[k + 1] = items.length;
  });
  return { users: split.users, heldOutOffsets: split.heldOutOffsets, heldOut: split.heldOut, offsets, items: Int32Array.from(items), scores: Float32Array.from(scores) };
}
