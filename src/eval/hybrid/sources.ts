// The product hybrid's four candidate sources for the evaluation, each the served module itself (nothing here
// re-creates a source), over one split's training pairs (./served-inputs.ts: the serving state and CONTENT
// index a store loaded with the split would hold), each returning its top `pool` candidates after the user's
// excluded items, as the served sources do before blending:
//   GRAPH    ./graph-source.ts: the served base model (src/usecases/recommend/graph-base.ts: EASE or GF-CF by
//            config.graph and the data's size) and friend term on the damped training edges; non-positive
//            scores dropped (graph-scoring.ts). `fits` shares base fits with the GRAPH row.
//   SOCIAL   src/usecases/recommend/social-scoring.ts (= social.cypher) over the serving state
//   CONTENT  src/usecases/recommend/content-index.ts (= content.cypher at its snapshot)
//   POPULAR  src/usecases/recommend/tuning/popularity.ts (= popular.cypher's global ranking), less the
//            user's exclusions, as the hybrid filters the cached global list
// The refresh's blend tuner (src/usecases/recommend/tuning/tune-blend.ts) calls the same three scorers.
import { topK } from '../../algorithms/recs/index.ts';
import { asItemId, asUserId, type ItemId } from '../../domain/ids.ts';
import type { RecsConfig } from '../../usecases/recommend/config.ts';
import { scoreContent } from '../../usecases/recommend/content-index.ts';
import { scoreSocial } from '../../usecases/recommend/social-scoring.ts';
import { popularRanking } from '../../usecases/recommend/tuning/popularity.ts';
import { NO_FILTER, type Candidate, type SourceList } from '../../usecases/recommend/types.ts';
import type { EvalContext } from '../context.ts';
import { graphFits, graphSource, type GraphFits } from './graph-source.ts';
import { servedInputs } from './served-inputs.ts';

export interface HybridSources {
  readonly itemIds: readonly ItemId[];
  readonly itemIndex: ReadonlyMap<string, number>;
  /** GRAPH, SOCIAL, CONTENT and POPULAR candidates of user u (possibly empty lists). Memoized per (u, excluded). */
  lists(u: number, excluded: ReadonlySet<number>): readonly SourceList[];
}

export function createHybridSources(ctx: EvalContext, cfg: RecsConfig, fits: GraphFits = graphFits(ctx)): HybridSources {
  const ds = ctx.dataset;
  const nItems = ds.nItems;
  const itemIds = ds.itemIds.map(asItemId);
  const graph = graphSource(ctx, cfg.graph, fits);
  const { state, content, now } = servedInputs(ctx);
  const popular = popularRanking([...state.users.values()].map((u) => ({ userId: u.user.id, items: u.items })), { now, halfLifeMs: cfg.popular.halfLifeMs });
  const social = { now, ...cfg.social, viaLimit: cfg.viaLimit, consentDefaults: cfg.consentDefaults };
  const pool = cfg.candidatePool;
  const buf = new Float32Array(nItems);
  const mask = new Uint8Array(nItems);
  const GRAPH_REASON = { kind: 'GRAPH_NEIGHBOURS', viaItemIds: [], viaUserIds: [] } as const;

  const cache = new Map<string, readonly SourceList[]>();
  return {
    itemIds,
    itemIndex: new Map(itemIds.map((id, i) => [id as string, i])),
    lists(u, excluded) {
      const key = `${u}:${[...excluded].sort((a, b) => a - b).join(',')}`;
      const hit = cache.get(key);
      if (hit !== undefined) return hit;
      graph.scoreUser(u, buf);
      mask.fill(0);
      for (const i of excluded) mask[i] = 1;
      for (let i = 0; i < nItems; i++) if (!(buf[i]! > 0)) mask[i] = 1;
      const top = topK(buf, pool, mask);
      const graphList: Candidate[] = Array.from(top.items, (i, k) => ({ itemId: itemIds[i]!, score: top.scores[k]!, reason: GRAPH_REASON }));
      const user = state.userContext(asUserId(ds.userIds[u]!), cfg.consentDefaults)!;
      const excludedIds = new Set([...excluded].map((i) => itemIds[i]!));
      const pop: Candidate[] = [];
      for (const s of popular) {
        if (pop.length >= pool) break;
        if (!excludedIds.has(s.itemId)) pop.push({ itemId: s.itemId, score: s.score, reason: { kind: 'POPULAR', categoryId: null, interactions: 0, trending: false } });
      }
      const out: SourceList[] = [
        { source: 'GRAPH', candidates: graphList },
        { source: 'SOCIAL', candidates: scoreSocial(state, user, { ...NO_FILTER, excludeItemIds: [...excludedIds] }, social, pool) },
        { source: 'CONTENT', candidates: content === undefined ? [] : scoreContent(content, user, excludedIds, cfg.content, pool, cfg.viaLimit) },
        { source: 'POPULAR', candidates: pop },
      ];
      cache.set(key, out);
      return out;
    },
  };
}


