// Per-store tuning of the GRAPH model at refresh: on a held-out split of the store's own interactions
// (./validation-split.ts), fit each candidate setting (./graph-grid.ts points: model, weighting, lambda/rho
// or alpha, socialBeta) on the rest, rank all items for each sampled user (training items excluded, positive
// scores only, as served) and keep the setting with the best mean NDCG@10 of the held-out item. Candidates
// are tried in order, the configured setting first, so when the time budget runs out the choice is the best
// of those scored, never worse than the configured one on this data. Fits are shared between candidates that
// differ only in socialBeta. Runs where the fit runs (the worker thread); the report is plain data.
// Cost: one fit per distinct (model, weighting, lambda/rho or alpha) plus users x nItems scoring per candidate.
import type { CsrMatrix } from '../../../algorithms/recs/csr.ts';
import type { Recommender } from '../../../algorithms/recs/model.ts';
import { topK } from '../../../algorithms/recs/top-k.ts';
import { weightInteractions } from '../../../algorithms/recs/weighting.ts';
import type { RecsConfig } from '../config.ts';
import { baseFromParts, chooseGraphBase, fitBaseParts, graphSocial } from '../graph-base.ts';
import { graphGrid, graphParams, withGraphParams, type GraphAxes, type GraphParams } from './graph-grid.ts';
import { holdOutOnePerUser, ndcgAt10 } from './validation-split.ts';

export interface GraphTuning {
  /** Users whose held-out item was ranked. */
  readonly users: number;
  readonly ms: number;
  /** False when the budget stopped the search before every candidate was scored. */
  readonly complete: boolean;
  readonly chosen: GraphParams;
  readonly chosenNdcg10: number;
  /** Every candidate scored, in the order tried. */
  readonly candidates: readonly { readonly params: GraphParams; readonly ndcg10: number }[];
}

/** The tuner's search (config.graph.tuning). */
export interface GraphTuningOptions {
  readonly enabled: boolean;
  /** At most this many users are sampled (each holds out one item). */
  readonly maxUsers: number;
  /** With fewer eligible users (>= 3 positive items) the store keeps the configured setting: too little data to choose on. */
  readonly minUsers: number;
  /** The search stops starting candidates after this long (the configured one is always scored). */
  readonly budgetMs: number;
  readonly seed: number;
  readonly axes: GraphAxes;
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
  const split = holdOutOnePerUser(x, { maxUsers: o.maxUsers, minItems: 3, seed: o.seed });
  if (split.users.length < Math.max(1, o.minUsers)) return undefined;
  const candidates = tuningCandidates(cfg, { users: x.rows, items: x.cols }, o.axes);
  const fits = new Map<string, { damped: CsrMatrix; base: Recommender }>();
  const scored: { params: GraphParams; ndcg10: number }[] = [];
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
    split.users.forEach((u, k) => {
      model.scoreUser(u, buf);
      mask.fill(0);
      for (let q = split.train.indptr[u]!; q < split.train.indptr[u + 1]!; q++) mask[split.train.indices[q]!] = 1;
      const top = topK(buf, 10, mask);
      const target = split.heldOut[k]!;
      let rank = -1;
      for (let r = 0; r < top.items.length; r++) if (top.items[r] === target && top.scores[r]! > 0) rank = r;
      sum += ndcgAt10(rank);
    });
    scored.push({ params: p, ndcg10: sum / split.users.length });
  }
  // Ties go to the earlier candidate (the configured setting first).
  const best = scored.reduce((a, b) => (b.ndcg10 > a.ndcg10 ? b : a));
  return { users: split.users.length, ms: now() - t0, complete: scored.length === candidates.length, chosen: best.params, chosenNdcg10: best.ndcg10, candidates: scored };
}
