// The recommendation use cases: one strategy or the hybrid for a user, a page of it, friend
// recommendations, similar items, people you may know, and the GRAPH model refresh. Each combines store
// calls (cypher/recs/*, run in parallel) with the pure ranking functions of this folder.
import { notFound } from '../../domain/errors.ts';
import type { ItemId, UserId } from '../../domain/ids.ts';
import type { RecsStore } from '../../storage/recs-store.ts';
import { blendSources, singleSource } from './blend.ts';
import { cascadeSources } from './cascade.ts';
import { RECS_CONFIG, type RecsConfig } from './config.ts';
import { capPerCategory, mmrRerank } from './diversity.ts';
import { excludedItems, hasAttributeRules, passesAttributes } from './filters.ts';
import type { GraphModelCache, GraphModelSummary } from './graph-model-cache.ts';
import { scoreGraphUser } from './graph-scoring.ts';
import type { RecommendRequest } from './parse-args.ts';
import { peopleParams, strategyParams } from './strategy-params.ts';
import type { Candidate, ItemFacts, PersonSuggestion, RankedItem, RecsFilter, SourceList, SourceName, Strategy, UserContext } from './types.ts';

export interface RecommendedItem extends RankedItem {
  readonly item: ItemFacts;
}

export interface RecommendationPage {
  readonly strategy: Strategy;
  readonly offset: number;
  readonly items: readonly RecommendedItem[];
  readonly hasNextPage: boolean;
}

export interface ScoredItem {
  readonly item: ItemFacts;
  readonly itemId: ItemId;
  readonly score: number;
  readonly reasons: readonly Candidate['reason'][];
}

export class RecsService {
  constructor(
    private readonly store: RecsStore,
    readonly graph: GraphModelCache,
    private readonly now: () => number,
    private readonly cfg: RecsConfig = RECS_CONFIG,
  ) {}

  async recommend(req: RecommendRequest): Promise<RecommendationPage> {
    const user = await this.store.userContext(req.userId);
    if (user === null) throw notFound('User', req.userId);
    const need = req.offset + req.first + 1;
    const inMemoryRules = req.diversity !== null || (hasAttributeRules(req.filter) && usesGraph(req.strategy));
    const pool = req.strategy === 'HYBRID' || inMemoryRules ? Math.max(this.cfg.candidatePool, need * 2) : need;
    let ranked = await this.rank(req.strategy, user, req.filter, pool);
    const facts = await this.store.itemFacts((inMemoryRules ? ranked : ranked.slice(req.offset, req.offset + req.first)).map((r) => r.itemId));
    if (inMemoryRules) {
      ranked = ranked.filter((r) => {
        const f = facts.get(r.itemId);
        return f !== undefined && passesAttributes(f, req.filter);
      });
      ranked = this.diversify(ranked, facts, req, need);
    }
    const page = ranked.slice(req.offset, req.offset + req.first).flatMap((r) => {
      const item = facts.get(r.itemId);
      return item === undefined ? [] : [{ ...r, item }];
    });
    return { strategy: req.strategy, offset: req.offset, items: page, hasNextPage: ranked.length > req.offset + req.first };
  }

  async similarItems(itemId: ItemId, first: number): Promise<ScoredItem[]> {
    const similar = await this.store.similarItems(itemId, first);
    const facts = await this.store.itemFacts([itemId, ...similar.map((c) => c.itemId)]);
    if (!facts.has(itemId)) throw notFound('Item', itemId);
    return similar.flatMap((c) => {
      const item = facts.get(c.itemId);
      return item === undefined ? [] : [{ item, itemId: c.itemId, score: c.score, reasons: [c.reason] }];
    });
  }

  async peopleYouMayKnow(userId: UserId, first: number): Promise<PersonSuggestion[]> {
    const [user, people] = await Promise.all([this.store.userContext(userId), this.store.peopleYouMayKnow(userId, peopleParams(this.cfg), first)]);
    if (user === null) throw notFound('User', userId);
    return people;
  }

  refreshGraphModel(writeEmbeddings: boolean): Promise<GraphModelSummary> {
    return this.graph.refresh(writeEmbeddings);
  }

  /** The ranking of one strategy (Cypher order and scores as they are) or of the hybrid. */
  private async rank(strategy: Strategy, user: UserContext, filter: RecsFilter, limit: number): Promise<RankedItem[]> {
    if (strategy !== 'HYBRID') return singleSource(await this.source(strategy, user, filter, limit));
    const warm = user.items.some((i) => i.weight > 0);
    if (!warm) {
      return cascadeSources(await Promise.all(this.cfg.coldStartCascade.map((s) => this.source(s, user, filter, limit))));
    }
    const names = (Object.keys(this.cfg.hybridWeights) as SourceName[]).filter((s) => this.cfg.hybridWeights[s] > 0).sort();
    return blendSources(await Promise.all(names.map((s) => this.source(s, user, filter, limit))), this.cfg.hybridWeights);
  }

  private async source(name: SourceName, user: UserContext, filter: RecsFilter, limit: number): Promise<SourceList> {
    const now = this.now();
    const s = this.store;
    const id = user.userId;
    switch (name) {
      case 'GRAPH': {
        const model = await this.graph.get();
        return { source: name, candidates: scoreGraphUser(model, user, excludedItems(user, filter), limit, this.cfg.viaLimit) };
      }
      case 'POPULAR': return { source: name, candidates: await s.popular(id, filter, strategyParams(name, this.cfg, now), limit) };
      case 'TRENDING': return { source: name, candidates: await s.trending(id, filter, strategyParams(name, this.cfg, now), limit) };
      case 'ITEM_CF': return { source: name, candidates: await s.itemCf(id, filter, strategyParams(name, this.cfg, now), limit) };
      case 'USER_CF': return { source: name, candidates: await s.userCf(id, filter, strategyParams(name, this.cfg, now), limit) };
      case 'CONTENT': return { source: name, candidates: await s.content(id, filter, strategyParams(name, this.cfg, now), limit) };
      case 'SOCIAL': return { source: name, candidates: await s.social(id, filter, strategyParams(name, this.cfg, now), limit) };
    }
  }

  private diversify(ranked: RankedItem[], facts: ReadonlyMap<ItemId, ItemFacts>, req: RecommendRequest, need: number): RankedItem[] {
    const d = req.diversity;
    if (d === null) return ranked;
    let out = ranked;
    if (d.maxPerCategory !== null) out = capPerCategory(out, (id) => facts.get(id)?.categoryIds ?? [], d.maxPerCategory);
    if (d.mmrLambda !== null) {
      const features = (id: ItemId): string[] => {
        const f = facts.get(id);
        return [...(f?.categoryIds ?? []).map((c) => `c:${c}`), ...(f?.tagIds ?? []).map((t) => `t:${t}`)];
      };
      out = mmrRerank(out, features, d.mmrLambda, need);
    }
    return out;
  }
}

const usesGraph = (s: Strategy): boolean => s === 'GRAPH' || s === 'HYBRID';
