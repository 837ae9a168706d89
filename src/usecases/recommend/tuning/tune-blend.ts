// Per-store tuning of the hybrid's blend weights at refresh, on the GRAPH tuner's held-out split
// (./tune-graph.ts GraphHoldout: a share of the positive items of each sampled user held out, the GRAPH
// candidates of the setting it chose, fitted without those pairs). The other sources are the served ones, fed
// the store's data without the held-out pairs:
//   SOCIAL   social-scoring.ts over the serving state, the user's training items as exclusions (the ties'
//            interactions never hold the user's own pair);
//   CONTENT  content-index.ts over the user's training items, with n_i (positive users per item) less the
//            held-out pairs, so a held-out pair does not raise its own item's bias;
//   POPULAR  ./popularity.ts (popular.cypher's global ranking) without the held-out pairs, minus the user's
//            training items;
// then blended by the served blend.ts for each candidate of ./weight-grid.ts tunerCandidates: each source
// alone first, then blends on GRAPH. The best single source wins (ties to the earlier) unless a blend beats it
// by the family-wise margin (validation-split.ts switchMarginSe), so the chosen blend is never below the best
// single source on this data. Candidates are tried in order until budgetMs; the single sources are always scored.
// Cost: sources once per user (users x pool), then candidates x users blends of 4 x pool candidates. It runs
// on the serving thread (the sources live there), so it yields to the event loop every ~SLICE_MS: requests
// wait at most one slice (the demo shop's 191 users x 15 candidates took 3.9 s in all on a loaded machine).
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Consent } from '../../../domain/consent.ts';
import type { ItemId, UserId } from '../../../domain/ids.ts';
import { blendSources } from '../blend.ts';
import type { ContentIndex, ContentParams } from '../content-index.ts';
import { scoreContent } from '../content-index.ts';
import type { ServingState } from '../serving-state.ts';
import { scoreSocial } from '../social-scoring.ts';
import { NO_FILTER, type Candidate, type SourceList, type UserContext } from '../types.ts';
import { popularRanking } from './popularity.ts';
import { beatsClearly, ndcgAt10Of, switchMarginSe } from './validation-split.ts';
import { SINGLE_SOURCES, tunerCandidates, type HybridWeights, type WeightAxes } from './weight-grid.ts';

export interface BlendTuning {
  /** Held-out users scored (sampled users the serving state holds with personalisation on). */
  readonly users: number;
  readonly ms: number;
  readonly complete: boolean;
  readonly chosen: HybridWeights;
  readonly chosenNdcg10: number;
  /** Mean NDCG@10 of each source alone (its one-hot blend). */
  readonly single: HybridWeights;
  readonly candidates: readonly { readonly weights: HybridWeights; readonly ndcg10: number }[];
}

export interface BlendTuningOptions {
  readonly enabled: boolean;
  readonly budgetMs: number;
  readonly axes: WeightAxes;
}

/** A held-out user: their id, the items held out, and the GRAPH candidates fitted without them. */
export interface HeldOutUser {
  readonly userId: UserId;
  readonly heldOut: readonly ItemId[];
  readonly graph: readonly Candidate[];
}

export interface BlendInputs {
  readonly users: readonly HeldOutUser[];
  readonly state: ServingState;
  /** Undefined: the store has no item features (CONTENT proposes nothing). */
  readonly content: ContentIndex | undefined;
  /** The reference time the decayed sources count back from. */
  readonly now: number;
  readonly cfg: {
    readonly consentDefaults: Consent;
    readonly candidatePool: number;
    readonly viaLimit: number;
    readonly popular: { readonly halfLifeMs: number };
    readonly social: { readonly halfLifeMs: number; readonly friendWeight: number; readonly followWeight: number };
    readonly content: ContentParams;
  };
}

const SOURCES = ['GRAPH', 'SOCIAL', 'CONTENT', 'POPULAR'] as const;

const SLICE_MS = 20;

/** Undefined when no held-out user can be scored (none in the serving state with personalisation on). */
export async function tuneBlend(input: BlendInputs, o: BlendTuningOptions, clock: () => number = () => performance.now()): Promise<BlendTuning | undefined> {
  const t0 = clock();
  let sliceStart = t0;
  const pause = async (): Promise<void> => {
    if (clock() - sliceStart < SLICE_MS) return;
    await yieldToEventLoop();
    sliceStart = clock();
  };
  const { state, cfg } = input;
  const pool = cfg.candidatePool;
  const kept: { user: UserContext; targets: ReadonlySet<ItemId>; graph: readonly Candidate[] }[] = [];
  for (const h of input.users) {
    const ctx = state.userContext(h.userId, cfg.consentDefaults);
    if (ctx === null || !ctx.personalisation || h.heldOut.length === 0) continue;
    const targets = new Set(h.heldOut);
    kept.push({ user: { ...ctx, items: ctx.items.filter((it) => !targets.has(it.itemId)) }, targets, graph: h.graph });
  }
  if (kept.length === 0) return undefined;
  const leaveOut = new Map(kept.map((k) => [k.user.userId, k.targets]));
  const popular = popularRanking([...state.users.values()].map((u) => ({ userId: u.user.id, items: u.items })), { now: input.now, halfLifeMs: cfg.popular.halfLifeMs }, leaveOut);
  const content = input.content === undefined ? undefined : withoutPairs(input.content, kept.flatMap((k) => [...k.targets]));
  const social = { now: input.now, ...cfg.social, viaLimit: cfg.viaLimit, consentDefaults: cfg.consentDefaults };
  const lists: SourceList[][] = [];
  for (const { user, graph } of kept) {
    await pause();
    // The training items (the user's items but the held-out ones): what a served page would exclude.
    const excluded = new Set(user.items.map((it) => it.itemId));
    const pop: Candidate[] = [];
    for (const s of popular) {
      if (pop.length >= pool) break;
      if (!excluded.has(s.itemId)) pop.push({ itemId: s.itemId, score: s.score, reason: { kind: 'POPULAR', categoryId: null, interactions: 0, trending: false } });
    }
    lists.push([
      { source: 'GRAPH', candidates: graph },
      { source: 'SOCIAL', candidates: scoreSocial(state, user, NO_FILTER, social, pool) },
      { source: 'CONTENT', candidates: content === undefined ? [] : scoreContent(content, user, excluded, cfg.content, pool, cfg.viaLimit) },
      { source: 'POPULAR', candidates: pop },
    ]);
  }
  const score = async (w: HybridWeights): Promise<Float64Array> => {
    const perUser = new Float64Array(kept.length);
    for (let u = 0; u < kept.length; u++) {
      await pause();
      const ranked = blendSources(lists[u]!, w);
      perUser[u] = ndcgAt10Of(ranked.slice(0, 10).map((x) => x.itemId), kept[u]!.targets);
    }
    return perUser;
  };
  const mean = (xs: Float64Array): number => xs.reduce((a, b) => a + b, 0) / Math.max(xs.length, 1);
  const candidates = tunerCandidates(o.axes);
  const scored: { weights: HybridWeights; ndcg10: number; perUser: Float64Array }[] = [];
  for (const w of candidates) {
    if (scored.length >= SINGLE_SOURCES.length && clock() - t0 > o.budgetMs) break;
    const perUser = await score(w);
    scored.push({ weights: w, ndcg10: mean(perUser), perUser });
  }
  // The best single source (ties: the earlier), then a blend only if it beats that source clearly (by more
  // than switchMarginSe(blends scored) standard errors of the paired difference): the choice is never below
  // the best single source on the held-out data, and validation noise is not served (validation-split.ts).
  const singles = scored.slice(0, SINGLE_SOURCES.length);
  const bestSingle = singles.reduce((a, b) => (b.ndcg10 > a.ndcg10 ? b : a));
  const bestBlend = scored.slice(SINGLE_SOURCES.length).reduce<(typeof scored)[number] | undefined>((a, b) => (a === undefined || b.ndcg10 > a.ndcg10 ? b : a), undefined);
  const best = bestBlend !== undefined && bestBlend.ndcg10 > bestSingle.ndcg10 && beatsClearly(bestSingle.perUser, bestBlend.perUser, switchMarginSe(scored.length - SINGLE_SOURCES.length)) ? bestBlend : bestSingle;
  const single = Object.fromEntries(SOURCES.map((s, k) => [s, scored[k]!.ndcg10])) as HybridWeights;
  return {
    users: kept.length, ms: clock() - t0, complete: scored.length === candidates.length, chosen: best.weights, chosenNdcg10: best.ndcg10, single,
    candidates: scored.map((c) => ({ weights: c.weights, ndcg10: c.ndcg10 })),
  };
}

/** The index with each held-out pair taken out of its item's n_i (one positive user less per pair). */
function withoutPairs(index: ContentIndex, heldOut: readonly ItemId[]): ContentIndex {
  const positiveUsers = Float64Array.from(index.positiveUsers);
  for (const id of heldOut) {
    const i = index.itemIndex.get(id);
    if (i !== undefined && positiveUsers[i]! > 0) positiveUsers[i]! -= 1;
  }
  return { ...index, positiveUsers };
}
