// In-memory counterparts of the product hybrid's candidate sources, built from one split's training pairs
// with the product's configuration (src/usecases/recommend/config.ts), each returning its top `pool`
// candidates after the user's excluded items, as the product's sources do before blending:
//   GRAPH    ./graph-source.ts: the served base model (src/usecases/recommend/graph-base.ts: EASE or GF-CF by
//            config.graph.model and the data's size) on the edge weights damped by config.graph.weighting,
//            plus the friend term with beta config.graph.socialBeta when config.graph.withFriends;
//            non-positive scores dropped (graph-scoring.ts). `fits` shares base fits with the GRAPH row.
//            SOCIAL, CONTENT and POPULAR below are still this file's re-creations of the Cypher sources
//            (moving them into src/usecases/recommend for a per-store blend tuner is the next step).
//   SOCIAL   cypher/recs/social.cypher: friends' positive interactions times friendWeight and the recency
//            decay (config.social.halfLifeMs) of each interaction's last time; undecayed when the data set
//            has no time (Last.fm: aggregated play counts, the product stores no lastTs either). The data
//            sets have no FOLLOWS edges, so followWeight is unused.
//   CONTENT  cypher/recs/content.cypher with config.content (src/algorithms/recs/content-profile.ts)
//   POPULAR  cypher/recs/popular.cypher: sum over users of weight x decay (config.popular.halfLifeMs), > 0
// Ties within a source: lower item index first (the product: id ASC; Last.fm indices follow numeric ids).
import { createContentScorer, type SparseScores } from '../../algorithms/recs/content-profile.ts';
import { colSums, mapValues, topK, type CsrMatrix, type Recommender } from '../../algorithms/recs/index.ts';
import { recencyDecay } from '../../algorithms/recs/recency-decay.ts';
import { createTieScorer } from '../../algorithms/recs/tie-interactions.ts';
import { asItemId, type ItemId } from '../../domain/ids.ts';
import type { RecsConfig } from '../../usecases/recommend/config.ts';
import type { Candidate, ReasonData, SourceList } from '../../usecases/recommend/types.ts';
import type { EvalContext } from '../context.ts';
import { graphFits, graphSource, type GraphFits } from './graph-source.ts';
import { productInputs } from './product-inputs.ts';

export interface HybridSources {
  readonly itemIds: readonly ItemId[];
  readonly itemIndex: ReadonlyMap<string, number>;
  /** GRAPH, SOCIAL, CONTENT and POPULAR candidates of user u (possibly empty lists). Memoized per (u, excluded). */
  lists(u: number, excluded: ReadonlySet<number>): readonly SourceList[];
}

// Reasons are not evaluated; one constant per source keeps the candidate lists small.
const REASON: Record<'GRAPH' | 'SOCIAL' | 'CONTENT' | 'POPULAR', ReasonData> = {
  GRAPH: { kind: 'GRAPH_NEIGHBOURS', viaItemIds: [], viaUserIds: [] },
  SOCIAL: { kind: 'FRIENDS_LIKED', friendIds: [], count: 0, buyers: 0 },
  CONTENT: { kind: 'SHARED_ATTRIBUTES', categoryIds: [], tagIds: [] },
  POPULAR: { kind: 'POPULAR', categoryId: null, interactions: 0, trending: false },
};

export function createHybridSources(ctx: EvalContext, cfg: RecsConfig, fits: GraphFits = graphFits(ctx)): HybridSources {
  const ds = ctx.dataset;
  const nItems = ds.nItems;
  const input = productInputs(ctx, cfg.content);
  const positive = mapValues(input.edges, (v) => (v > 0 ? v : 0));
  const decayed = (halfLifeMs: number): CsrMatrix => (input.ages === undefined ? input.edges : withDecay(input.edges, input.ages, halfLifeMs / 1000));

  const graph: Recommender = graphSource(ctx, cfg.graph, fits);

  const ties = createTieScorer(decayed(cfg.social.halfLifeMs));
  const content = input.features === undefined ? undefined : createContentScorer({
    itemFeatures: input.features,
    featureWeights: input.featureWeights,
    itemUsers: colSums(mapValues(input.edges, (v) => (v > 0 ? 1 : 0))),
    itemBias: cfg.content.itemBias,
    userBias: cfg.content.userBias,
  });
  const popularity = colSums(decayed(cfg.popular.halfLifeMs));

  const itemIds = ds.itemIds.map(asItemId);
  const buf = new Float32Array(nItems);
  const mask = new Uint8Array(nItems);
  const pool = cfg.candidatePool;

  const top = (excluded: ReadonlySet<number>): Candidate[] => {
    mask.fill(0);
    for (const i of excluded) mask[i] = 1;
    for (let i = 0; i < nItems; i++) if (!(buf[i]! > 0)) mask[i] = 1;
    const t = topK(buf, pool, mask);
    return Array.from(t.items, (i, k) => ({ itemId: itemIds[i]!, score: t.scores[k]!, reason: REASON.GRAPH }));
  };
  const fromSparse = (s: SparseScores, source: keyof typeof REASON, excluded: ReadonlySet<number>): SourceList => {
    buf.fill(0);
    s.items.forEach((i, k) => (buf[i] = s.scores[k]!));
    return { source, candidates: top(excluded).map((c) => ({ ...c, reason: REASON[source] })) };
  };

  const cache = new Map<string, readonly SourceList[]>();
  return {
    itemIds,
    itemIndex: new Map(itemIds.map((id, i) => [id as string, i])),
    lists(u, excluded) {
      const key = `${u}:${[...excluded].sort((a, b) => a - b).join(',')}`;
      const hit = cache.get(key);
      if (hit !== undefined) return hit;
      const out: SourceList[] = [];
      graph.scoreUser(u, buf);
      out.push({ source: 'GRAPH', candidates: top(excluded) });
      const fr = ctx.friends.indices.subarray(ctx.friends.indptr[u]!, ctx.friends.indptr[u + 1]!);
      out.push(fromSparse(ties(fr, new Float64Array(fr.length).fill(cfg.social.friendWeight)), 'SOCIAL', excluded));
      if (content !== undefined) {
        const r = positive;
        out.push(fromSparse(content(r.indices.subarray(r.indptr[u]!, r.indptr[u + 1]!), r.values.subarray(r.indptr[u]!, r.indptr[u + 1]!)), 'CONTENT', excluded));
      }
      buf.set(popularity);
      out.push({ source: 'POPULAR', candidates: top(excluded).map((c) => ({ ...c, reason: REASON.POPULAR })) });
      cache.set(key, out);
      return out;
    },
  };
}

/** w * decay(age) per stored pair (ages share the pattern of w: both built from the same triples). */
function withDecay(w: CsrMatrix, ages: CsrMatrix, halfLife: number): CsrMatrix {
  return { ...w, values: w.values.map((v, p) => v * recencyDecay(ages.values[p], halfLife)) };
}
