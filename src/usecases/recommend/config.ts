// Every tunable of the recommendation capability in one place. Time constants are milliseconds.
// Hybrid weights: per-source scores are divided by the source's maximum before weighting, so the weights are
// directly comparable; GRAPH is fixed at 1 and the others were chosen by the offline evaluation (below).
import type { Weighting } from '../../algorithms/recs/index.ts';

/** Every weighting: the per-user ones (user-exp, user-pow) are damped at request time over the user's own items. */
export type EdgeWeighting = Weighting;
import type { SourceName } from './types.ts';
import type { GraphTuningOptions } from './tuning/tune-graph.ts';
import type { BlendTuningOptions } from './tuning/tune-blend.ts';
import { ALL_GRANTED, type Consent } from '../../domain/consent.ts';

const DAY = 86_400_000;

export interface RecsConfig {
  /** Consent assumed for users who never recorded a choice (GREC_CONSENT_DEFAULT; src/config.ts). */
  readonly consentDefaults: Consent;
  readonly hybridWeights: Readonly<Record<SourceName, number>>;
  /** Order of the cold-start cascade for users with no positive interaction. */
  readonly coldStartCascade: readonly SourceName[];
  readonly popular: { readonly halfLifeMs: number };
  readonly trending: { readonly windowMs: number; readonly halfLifeMs: number };
  readonly social: { readonly halfLifeMs: number; readonly friendWeight: number; readonly followWeight: number };
  readonly userCf: { readonly neighbours: number };
  readonly content: { readonly categoryWeight: number; readonly tagWeight: number; readonly itemBias: number; readonly userBias: number };
  readonly people: { readonly mutualWeight: number; readonly tasteWeight: number };
  readonly graph: {
    /**
     * The base model (graph-base.ts): 'auto' fits EASE while min(users, items) <= easeMaxDim, GF-CF above;
     * 'EASE' / 'GF-CF' force one (EASE then costs O(d^3) time and ~4 d^2 doubles, d = min(users, items)).
     */
    readonly model: 'auto' | 'EASE' | 'GF-CF';
    /** The largest min(users, items) EASE is fitted for under 'auto'. */
    readonly easeMaxDim: number;
    /** EASE's L2 penalty lambda and its popularity-proportional part rho (src/algorithms/recs/ease.ts). */
    readonly lambda: number;
    readonly rho: number;
    /** GF-CF's ideal low-pass weight and the rank of its SVD (unused by EASE). */
    readonly alpha: number;
    readonly rank: number;
    /**
     * GF-CF's item normalization exponent b in R~ = D_u^-1/2 R D_i^-b (src/algorithms/recs/gfcf.ts): 0.5 is
     * the paper's symmetric normalization; lower b trusts co-ratings of rarely rated items less. On the sparse
     * social shop (`--dataset social-shop`, 90,000 items, most rated once or never) b 0.5 let one-off items
     * outrank the neighbours that matter: validation NDCG@10 0.0297 against 0.0674 (b 0.25) and 0.0690 (b 0)
     * (docs/eval-results.md). Tuned per store (tuning.axes.itemExponent).
     */
    readonly itemExponent: number;
    /** Damping of the stored edge weights; request-time vectors are damped the same way (fit-graph-model.ts dampWeights). */
    readonly weighting: EdgeWeighting;
    readonly withFriends: boolean;
    /** Weight of the friends' normalized interactions next to the user's own normalized GF-CF scores. */
    readonly socialBeta: number;
    /**
     * A FOLLOWS tie's weight in the friend term, relative to a FRIEND's 1 (as social.followWeight in the
     * SOCIAL source): the follower's scores take followWeight x the followee's normalized interactions.
     * Set by hand, not evaluated: no evaluation data set has follows.
     */
    readonly followWeight: number;
    readonly embeddingDims: number;
    readonly seed: number;
    /** Per-store tuning of the settings above at every fit, on a held-out split of the store's edges (tuning/tune-graph.ts). */
    readonly tuning: GraphTuningOptions;
  };
  /**
   * Per-store tuning of the HYBRID default weights at every fit (tuning/tune-blend.ts), on the GRAPH tuner's
   * held-out split (so it runs only when that one did: graph.tuning enabled, at least minUsers users). The
   * chosen weights replace hybridWeights' GRAPH, SOCIAL, CONTENT and POPULAR for requests that name no
   * weights; ITEM_CF, USER_CF and TRENDING keep hybridWeights'.
   */
  readonly blendTuning: BlendTuningOptions;
  /**
   * The hybrid scores CONTENT in memory from an index of item features (content-index-cache.ts). Items
   * written through this process refresh it at once; other changes (CLI loads, other instances, the n_i
   * counts drifting with new events) reach it within maxAgeMs, re-read in the background.
   */
  readonly contentIndex: { readonly maxAgeMs: number };
  /** Candidates fetched per source when results are blended, filtered in memory or diversified. */
  readonly candidatePool: number;
  /** How many items / users a reason names at most. */
  readonly viaLimit: number;
  /**
   * Finished pages, served with no database round trip while younger than ttlMs (0: off). Freshness:
   * every write through this process's live use cases drops the affected pages at once (recordInteraction
   * and link/unlink: the users' own pages; upsertUser: theirs and every page depending on them as a tie or
   * naming them; upsertItem: the pages showing the item; refreshGraphModel: all). Writes from elsewhere
   * (CLI loads, other API instances) and other users' activity (friends' new events, popularity) reach a
   * cached page within ttlMs at most.
   */
  readonly resultCache: { readonly ttlMs: number; readonly maxEntries: number };
  /**
   * The GRAPH candidates of the maxEntries most recently served users (graph-candidate-cache.ts; 0: off),
   * reused while the model and the user's items, ties and exclusions are unchanged: exact, and ~pool
   * candidates (~20 KB) per user.
   */
  readonly graphCandidateCache: { readonly maxEntries: number };
  /**
   * The time POPULAR, TRENDING and SOCIAL decay from (reference-time.ts): min(now, latest event +
   * liveMarginMs), the latest event time read at most once per ttlMs. A live shop decays from the wall clock,
   * a historical log from its last day.
   */
  readonly referenceTime: { readonly ttlMs: number; readonly liveMarginMs: number };
  /**
   * Caps on the expansion of the Cypher strategies (cypher/recs/*.cypher, where each rule is written out), so
   * a user with a long history on a dense catalogue costs about what a typical user costs (docs/benchmarks.md,
   * `npm run bench:cypher`). Each file is exact while no cap is reached, as on a small shop.
   *   historyItems:   ITEM_CF, USER_CF, peopleYouMayKnow expand from the user's most recent positive items only.
   *   coUsersPerItem: ITEM_CF, USER_CF, similarItems, peopleYouMayKnow read an item's most recent co-users only.
   *   candidates:     ITEM_CF, similarItems and CONTENT read the norms / user counts of the best candidates only.
   *   tieItems:       SOCIAL reads each friend's or followee's most recent items only.
   */
  readonly cypherBounds: { readonly historyItems: number; readonly coUsersPerItem: number; readonly candidates: number; readonly tieItems: number };
  /**
   * Precomputed item-item neighbours (item-neighbours.ts): each item's k most similar items, stored as
   * (:Item)-[:SIMILAR]->(:Item) by the scheduled refresh, read by ITEM_CF and similarItems instead of expanding
   * co-users at request time. Whether a rebuild completed is re-read at most once per statusTtlMs (a replica
   * that did not rebuild learns of it then); a rebuild writes about writeBatchEdges edges per transaction.
   */
  readonly itemNeighbours: { readonly k: number; readonly statusTtlMs: number; readonly writeBatchEdges: number };
}

export const RECS_CONFIG: RecsConfig = {
  consentDefaults: ALL_GRANTED,
  // Chosen by `npm run eval -- --dataset lastfm` (src/eval/hybrid: the product's blendSources over in-memory
  // GRAPH / SOCIAL / CONTENT / POPULAR sources built with this config, candidatePool per source; grid SOCIAL
  // {0, 0.1, 0.25, 0.5} x CONTENT {0, 0.1, 0.3} x POPULAR {0, 0.05, 0.1, 0.3}; random 8:1:1 split, seeds 1-3):
  // (SOCIAL 0.1, CONTENT 0, POPULAR 0) won validation NDCG@10 on every seed, mean 0.1520, against 0.1442 for
  // the earlier hand-set (0.5, 0.3, 0.1) and 0.1516 for GRAPH alone; test NDCG@10 0.1653, Recall@10 0.1693
  // (docs/eval-results.md). On Last.fm the tags and popularity only dilute GRAPH. The demo shop
  // (`--dataset demo`, categories and tags on every item) chooses differently: (0.1, 0.1, 0.1), mean valid
  // NDCG@10 0.1554 vs 0.1504 hand-set; Last.fm, the data set with published anchors, sets the default.
  // Re-run with the GRAPH config below chosen first (same grid): (0.1, 0, 0) again best, mean valid NDCG@10
  // 0.1725 (seeds 1-2 chose it, seed 3 GRAPH alone); test NDCG@10 0.1906, Recall@10 0.1914.
  // ITEM_CF / USER_CF / TRENDING run only in Cypher and are not in the evaluation: left at 0 (neighbourhood
  // CF is the family GF-CF subsumes, the heaviest Cypher per request; TRENDING is empty on historical data).
  // Raise a weight to blend one in.
  hybridWeights: { GRAPH: 1.0, SOCIAL: 0.1, CONTENT: 0, POPULAR: 0, ITEM_CF: 0, USER_CF: 0, TRENDING: 0 },
  coldStartCascade: ['SOCIAL', 'CONTENT', 'POPULAR'],
  popular: { halfLifeMs: 14 * DAY },
  trending: { windowMs: 7 * DAY, halfLifeMs: 1 * DAY },
  social: { halfLifeMs: 30 * DAY, friendWeight: 1.0, followWeight: 0.5 },
  userCf: { neighbours: 20 },
  content: { categoryWeight: 1.0, tagWeight: 0.5, itemBias: 0.1, userBias: 0.0 },
  people: { mutualWeight: 1.0, tasteWeight: 0.25 },
  // GRAPH (issue 10): the base model is chosen by size (graph-base.ts): EASE while min(users, items) <=
  // easeMaxDim (3000: its dense inverse then fits in ~100 s and ~300 MB at worst, bench:fit-scale,
  // docs/benchmarks.md section 4), GF-CF above. EASE's (user-exp-0.25, lambda 10, rho 2) is the offline EASE
  // row's best on Last.fm ((count / user max)^0.25, here recovered from the stored log(1 + plays)): seed 1
  // valid NDCG@10 0.1982 against 0.1858 for 'raw' and 0.1747 for GF-CF raw (the earlier default). Every fit
  // then tunes these per store (tuning/tune-graph.ts, `tuning` below) on held-out edges of the store itself,
  // so these are the defaults for stores too small to tune (< minUsers users with 3+ items) and the first
  // candidate of the tuner. alpha/rank (GF-CF's ideal filter) stay at the earlier evaluation's choice: alpha 0,
  // the linear filter alone (no SVD in the serving fit); refreshGraphModel computes the SVD its vectors need.
  graph: { model: 'auto', easeMaxDim: 3000, lambda: 10, rho: 2, alpha: 0, rank: 64, itemExponent: 0.5, weighting: 'user-exp-0.25', withFriends: true, socialBeta: 0.05, followWeight: 0.5, embeddingDims: 64, seed: 1,
    // 200 users, a fifth of each one's items held out: on Last.fm-sized stores the scoring is ~1 s per
    // candidate, the EASE fits dominate; the budget bounds a refresh on a loaded machine (the configured setting
    // is always scored). Why a fifth, not one item (measured on Last.fm, splits 1-3 x tuner seeds 1-2, the
    // chosen setting scored on test, docs/eval-results.md): one item per user switched on noise twice in six
    // (raw weighting, test NDCG@10 0.1940 against 0.2080), mean test 0.2111 / 0.2086 (R@10 / N@10); a fifth
    // never left the configured setting by more than 0.0005, mean 0.2136 / 0.2112; 400 users x a fifth scored
    // fewer candidates in the budget for no gain (0.2136 / 0.2110).
    tuning: {
      enabled: true, maxUsers: 200, holdOutFraction: 0.2, minUsers: 50, budgetMs: 60_000, seed: 1,
      // The chosen setting's GRAPH candidates kept per held-out user for the blend tuner (= candidatePool).
      pool: 100,
      // The evaluation's GRAPH grid (tuning/graph-grid.ts GRAPH_AXES): the configured point, then these in order.
      axes: { weighting: ['user-exp-0.25', 'raw', 'binary'], socialBeta: [0, 0.05, 0.1, 0.3], ease: [[10, 2], [30, 1]], alpha: [0, 0.1], rank: [32], itemExponent: [0.5, 0.25, 0] },
    },
  },
  // The served tuner's 12 blends plus each source alone (tuning/weight-grid.ts TUNER_AXES, tunerCandidates):
  // 200 held-out users x 16 candidates of 4 x 100 candidates each blend in well under a second.
  blendTuning: { enabled: true, budgetMs: 20_000, axes: { SOCIAL: [0, 0.1, 0.25], CONTENT: [0, 0.1], POPULAR: [0, 0.1] } },
  contentIndex: { maxAgeMs: 60_000 },
  candidatePool: 100,
  viaLimit: 3,
  resultCache: { ttlMs: 30_000, maxEntries: 20_000 },
  graphCandidateCache: { maxEntries: 5_000 },
  referenceTime: { ttlMs: 60_000, liveMarginMs: 3_600_000 },
  // Set with `npm run bench:cypher` (docs/benchmarks.md, section 3): p95 within 100 ms for a 1,500-item history
  // on a 20k-user, 3k-item catalogue is the target; candidates stays well above the pool a page asks for (<= 201).
  cypherBounds: { historyItems: 50, coUsersPerItem: 100, candidates: 200, tieItems: 100 },
  // k 100: a page asks ITEM_CF for at most candidatePool + 1 items, seeded by up to historyItems (50) lists of
  // k each; similarItems pages are far shorter than k. npm run bench:cypher, docs/benchmarks.md section 3.
  itemNeighbours: { k: 100, statusTtlMs: 60_000, writeBatchEdges: 20_000 },
};
