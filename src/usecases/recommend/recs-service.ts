// The recommendation use cases: one strategy or the hybrid for a user, a page of it, friend
// recommendations, similar items, people you may know, and the GRAPH model refresh. Each combines store
// calls (cypher/recs/*, run in parallel) with the pure ranking functions of this folder.
// A single strategy runs its analyst-facing Cypher file. The hybrid keeps round trips few: GRAPH and CONTENT
// score in memory (the GF-CF model; the item-feature index, equal to content.cypher at its snapshot),
// POPULAR comes from a briefly cached global list, and the user's state, SOCIAL and the entities shown come
// from the serving state (serving-state.ts: users, ties, interactions, item facts held in memory, re-read
// row by row after each write through the API), equal to user-context, social and entities.cypher; an
// uncached page then costs no round trip, a cached one none either. With the serving state off
// (ServingConfig.inMemory), the user's state and SOCIAL are read in parallel, then the entities shown.
// Consent (src/domain/consent.ts): a user who refused personalisation gets the global POPULAR ranking, with
// no history-based exclusion and reasons saying so; ties and named users who refused social features are
// filtered in the Cypher files and the GRAPH fit; erasure and consent changes drop what this process keeps.
import { notFound } from '../../domain/errors.ts';
import type { ItemId, UserId } from '../../domain/ids.ts';
import type { Principal } from '../../domain/principal.ts';
import { authorize } from '../access/permissions.ts';
import type { RecsStore } from '../../storage/recs-store.ts';
import type { WriteObserver } from '../live/write-observer.ts';
import type { PrivacyObserver } from '../privacy/privacy-observer.ts';
import type { Purpose } from '../../domain/consent.ts';
import { blendSources, singleSource } from './blend.ts';
import { cascadeSources } from './cascade.ts';
import { scoreContent } from './content-index.ts';
import { ContentIndexCache } from './content-index-cache.ts';
import { RECS_CONFIG, type RecsConfig } from './config.ts';
import { capPerCategory, mmrRerank } from './diversity.ts';
import { excludedItems, hasAttributeRules, passesAttributes } from './filters.ts';
import { GraphCandidateCache } from './graph-candidate-cache.ts';
import type { GraphModelCache, GraphModelSummary } from './graph-model-cache.ts';
import { scoreGraphUser } from './graph-scoring.ts';
import type { RecommendRequest, VisitorRequest } from './parse-args.ts';
import { referencedIds } from './referenced-ids.ts';
import { ReferenceClock } from './reference-time.ts';
import { ResultCache } from './result-cache.ts';
import { SERVING_CONFIG, type ServingConfig } from './serving-config.ts';
import { mergeEntities, nothingMissing, type ServingState } from './serving-state.ts';
import { ServingStateCache, type ServingRows } from './serving-state-cache.ts';
import type { GraphModel } from './fit-graph-model.ts';
import { tuneBlend, type BlendTuning, type HeldOutUser } from './tuning/tune-blend.ts';
import type { GraphHoldout } from './tuning/tune-graph.ts';
import { scoreSocial } from './social-scoring.ts';
import { itemCfNeighbourParams, peopleParams, similarParams, strategyParams } from './strategy-params.ts';
import type { ItemNeighbours } from './item-neighbours.ts';
import type { NeighbourStatus } from '../../storage/item-neighbours-store.ts';
import type { Candidate, EntityIds, ItemFacts, PageEntities, PersonSuggestion, RankedItem, RecsFilter, SourceList, SourceName, Strategy, UserContext } from './types.ts';

export interface RecommendedItem extends RankedItem {
  readonly item: ItemFacts;
}

export interface RecommendationPage {
  /** The user the page is for; null for a visitor's page. */
  readonly userId: UserId | null;
  readonly strategy: Strategy;
  readonly offset: number;
  readonly items: readonly RecommendedItem[];
  readonly hasNextPage: boolean;
  /** What the page shows (items, categories, tags, users of the reasons), for priming the API's loaders. */
  readonly entities: PageEntities;
}

export interface ScoredItem {
  readonly item: ItemFacts;
  readonly itemId: ItemId;
  readonly score: number;
  readonly reasons: readonly Candidate['reason'][];
}

export class RecsService implements WriteObserver, PrivacyObserver {
  readonly pages: ResultCache<RecommendationPage>;
  readonly contentIndex: ContentIndexCache;
  /** What the decayed strategies count back from: the wall clock, or a historical log's last day. */
  readonly reference: ReferenceClock;
  /** Users, ties, interactions and item facts in memory for the hybrid's pages; undefined when off. */
  readonly serving: ServingStateCache | undefined;
  /** Recent users' GRAPH candidates under the current model, reused while their inputs are unchanged. */
  readonly graphCandidates: GraphCandidateCache;
  private globalPopular: { at: number; list: Promise<Candidate[]> } | undefined;
  /** Precomputed item-item neighbours (item-neighbours.ts); absent: ITEM_CF and similarItems expand at request time. */
  private itemNeighbours: ItemNeighbours | undefined;

  constructor(
    private readonly store: RecsStore,
    readonly graph: GraphModelCache,
    private readonly now: () => number,
    private readonly cfg: RecsConfig = RECS_CONFIG,
    serving: ServingConfig = SERVING_CONFIG,
  ) {
    this.pages = new ResultCache(cfg.resultCache.ttlMs, cfg.resultCache.maxEntries, now);
    this.graphCandidates = new GraphCandidateCache(cfg.graphCandidateCache.maxEntries);
    this.serving = serving.inMemory
      ? new ServingStateCache(this.servingRows(), serving.maxAgeMs, now)
      : undefined;
    this.contentIndex = new ContentIndexCache(() => store.itemFeatureRows(), cfg.contentIndex.maxAgeMs, now);
    this.reference = new ReferenceClock(() => store.latestEventTs(), cfg.referenceTime, now);
    if (cfg.blendTuning.enabled) graph.setBlendTuner((m) => this.tuneBlend(m));
  }

  /**
   * The refresh's blend tuning (tuning/tune-blend.ts) over this service's own sources: the serving state
   * (a one-off read when it is off), the CONTENT index and the reference time the decayed sources use.
   */
  private async tuneBlend(m: GraphModel): Promise<BlendTuning | undefined> {
    const h = m.tuning?.holdout;
    if (h === undefined) return undefined;
    const [state, content, now] = await Promise.all([
      this.serving?.get() ?? new ServingStateCache(this.servingRows(), 0, this.now).get(),
      this.contentIndex.get(),
      this.reference.get(),
    ]);
    return tuneBlend({ users: heldOutUsers(m, h), state, content: content.itemIds.length === 0 ? undefined : content, now, cfg: this.cfg }, this.cfg.blendTuning);
  }

  private servingRows(): ServingRows {
    const store = this.store;
    return { users: (ids) => store.servingUsers(ids), items: (ids) => store.servingItems(ids), vocabulary: () => store.servingVocabulary() };
  }

  /**
   * The HYBRID weights of a request naming none: the current model's tuned blend (GRAPH, SOCIAL, CONTENT,
   * POPULAR; the other sources as configured), or the configured weights when it has none.
   */
  private async defaultWeights(strategy: Strategy, personalised: boolean): Promise<Weights> {
    if (strategy !== 'HYBRID' || !personalised || !this.cfg.blendTuning.enabled) return this.cfg.hybridWeights;
    const blend = (await this.graph.get()).blend;
    return blend === undefined ? this.cfg.hybridWeights : { ...this.cfg.hybridWeights, ...blend.chosen };
  }

  /**
   * A page of one strategy or of the hybrid. A cached page is returned without any round trip; otherwise
   * the user's state is read (with the hybrid's SOCIAL query alongside, as it needs only the user id), the
   * sources ranked and blended, and everything the page shows read in one more round trip.
   */
  async recommend(p: Principal, req: RecommendRequest): Promise<RecommendationPage> {
    authorize(p, 'recs:read', req.userId);
    const key = JSON.stringify(req);
    const cached = this.pages.get(key);
    if (cached !== undefined) return cached;
    const since = this.pages.begin();
    const need = req.offset + req.first + 1;
    const inMemoryRules = req.diversity !== null || (hasAttributeRules(req.filter) && usesGraph(req.strategy));
    const pool = req.strategy === 'HYBRID' || inMemoryRules ? Math.max(this.cfg.candidatePool, need * 2) : need;
    // The serving state answers the hybrid; a single strategy reads its Cypher file as analysts run it.
    const state = req.strategy === 'HYBRID' ? await this.serving?.get() : undefined;
    const early = state === undefined ? this.startEarly(req, pool) : {};
    // A user the state does not hold yet (created by a CLI load since it was read) is read from the database.
    const user = state?.userContext(req.userId, this.cfg.consentDefaults) ?? (await this.store.userContext(req.userId, this.cfg.consentDefaults));
    if (user === null) throw notFound('User', req.userId);
    const weights = req.hybridWeights ?? (await this.defaultWeights(req.strategy, user.personalisation));
    let ranked = user.personalisation ? await this.rank(req.strategy, weights, user, req.filter, pool, early, state) : await this.notPersonalised(req.filter, pool);
    if (inMemoryRules) {
      const kept = await this.keepAttributes(ranked, req.filter, state);
      ranked = this.diversify(kept.ranked, kept.facts, req, need);
    }
    const page = await this.toPage(req.userId, user.personalisation ? req.strategy : 'POPULAR', ranked, req.offset, req.first, state);
    this.pages.set(key, pageTags(user, page.entities), page, since);
    return page;
  }

  /**
   * A visitor without an account: items related to those viewed in this session (the GRAPH model scores
   * them as it scores a user with these interactions), then popular items; with no viewed items, popular
   * ones. Nothing is read about any user, and the page is cached like a user's.
   */
  async recommendForVisitor(p: Principal, req: VisitorRequest): Promise<RecommendationPage> {
    authorize(p, 'recs:visitor');
    const key = `visitor:${JSON.stringify(req)}`;
    const cached = this.pages.get(key);
    if (cached !== undefined) return cached;
    const since = this.pages.begin();
    const pool = Math.max(this.cfg.candidatePool, (req.offset + req.first + 1) * 2);
    const visitor: UserContext = {
      // No stored user has the empty id (ids are validated non-empty), so the Cypher fallbacks see nobody.
      userId: '' as UserId,
      items: req.viewedItemIds.map((itemId) => ({ itemId, weight: 1, purchases: 0, lastTs: null })),
      friends: [],
      following: [],
      // The session's own items, used for this page only and never stored: nothing to consent to.
      personalisation: true,
    };
    const excluded = excludedItems(visitor, req.filter);
    const [graph, popular] = await Promise.all([
      // scoreGraphUser leaves out `excluded` itself; the popular list (cached, global) does not know them.
      visitor.items.length === 0 ? Promise.resolve([]) : this.graph.get().then((m) => scoreGraphUser(m, visitor, excluded, pool, this.cfg.viaLimit)),
      this.popular(visitor, req.filter, pool),
    ]);
    let ranked = cascadeSources([{ source: 'GRAPH', candidates: graph }, { source: 'POPULAR', candidates: popular.filter((c) => !excluded.has(c.itemId)) }]);
    // POPULAR applied the category and price rules in Cypher; the GRAPH scores did not.
    if (hasAttributeRules(req.filter) && graph.length > 0) ranked = (await this.keepAttributes(ranked, req.filter)).ranked;
    const page = await this.toPage(null, 'HYBRID', ranked, req.offset, req.first);
    this.pages.set(key, [...page.entities.items.keys()].map(itemTag), page, since);
    return page;
  }

  /** Set once by the composition root: ITEM_CF and similarItems then read the stored lists once built. */
  useItemNeighbours(n: ItemNeighbours): void {
    this.itemNeighbours = n;
  }

  /** Rebuilds the stored item-item neighbour lists (the scheduled refresh's, after the GRAPH refit). */
  async rebuildItemNeighbours(p: Principal): Promise<NeighbourStatus | null> {
    authorize(p, 'model:refresh');
    if (this.itemNeighbours === undefined) return null;
    const status = await this.itemNeighbours.rebuild();
    this.pages.clear();
    return status;
  }

  /**
   * ITEM_CF: the stored lists once a rebuild completed (item-cf-neighbours.cypher), else the bounded
   * expansion (item-cf.cypher). An empty list-based answer (seeds interacted with only since the last
   * rebuild) falls back too, so results never vanish.
   */
  private async itemCf(user: UserId, filter: RecsFilter, limit: number): Promise<Candidate[]> {
    const n = this.itemNeighbours;
    if (n !== undefined && (await n.ready())) {
      const got = await n.store.itemCf(user, filter, itemCfNeighbourParams(this.cfg), limit);
      if (got.length > 0) return got;
    }
    return this.store.itemCf(user, filter, strategyParams('ITEM_CF', this.cfg, 0), limit);
  }

  async similarItems(p: Principal, itemId: ItemId, first: number): Promise<{ items: ScoredItem[]; entities: PageEntities }> {
    authorize(p, 'recs:similar');
    // The stored list once a rebuild completed; an item without one (new since) gets the bounded expansion.
    const n = this.itemNeighbours;
    const listed = n !== undefined && (await n.ready()) ? await n.store.similarItems(itemId, first) : [];
    const similar = listed.length > 0 ? listed : await this.store.similarItems(itemId, first, similarParams(this.cfg));
    const entities = await this.store.entities(referencedIds([itemId, ...similar.map((c) => c.itemId)], similar.map((c) => c.reason)));
    if (!entities.items.has(itemId)) throw notFound('Item', itemId);
    const items = similar.flatMap((c) => {
      const item = entities.items.get(c.itemId);
      return item === undefined ? [] : [{ item, itemId: c.itemId, score: c.score, reasons: [c.reason] }];
    });
    return { items, entities };
  }

  async peopleYouMayKnow(p: Principal, userId: UserId, first: number): Promise<{ people: PersonSuggestion[]; entities: PageEntities }> {
    authorize(p, 'recs:read', userId);
    const [user, people] = await Promise.all([this.store.userContext(userId, this.cfg.consentDefaults), this.store.peopleYouMayKnow(userId, peopleParams(this.cfg), first)]);
    if (user === null) throw notFound('User', userId);
    // Suggestions come from the user's own friends and history: none without consent to personalisation.
    if (!user.personalisation) return { people: [], entities: { items: new Map(), categories: [], tags: [], users: [] } };
    const entities = await this.store.entities(referencedIds([], people.flatMap((p) => p.reasons), people.map((p) => p.userId)));
    return { people, entities };
  }

  async refreshGraphModel(p: Principal, writeEmbeddings: boolean): Promise<GraphModelSummary> {
    authorize(p, 'model:refresh');
    const summary = await this.graph.refresh(writeEmbeddings);
    this.contentIndex.markStale();
    this.pages.clear();
    return summary;
  }

  // WriteObserver: the live use cases' writes drop the cached pages they change (see result-cache.ts) and
  // mark the serving state's rows they changed (re-read before the next page is computed).
  interactionRecorded(userId: UserId, itemId?: ItemId): void {
    // The item too: the interaction may have created it, and its popularity changed (counted from users' rows).
    this.serving?.markUsers([userId]);
    if (itemId !== undefined) this.serving?.markItems([itemId]);
    this.pages.invalidate([ownerTag(userId)]);
  }

  usersLinked(a: UserId, b: UserId): void {
    this.serving?.markUsers([a, b]);
    this.pages.invalidate([ownerTag(a), ownerTag(b)]);
  }

  /** Consent and names matter to the pages of their friends and followers, and to pages naming them. */
  userUpserted(userId: UserId, consent: readonly Purpose[] = []): void {
    this.serving?.markUsers([userId]);
    this.pages.invalidate([ownerTag(userId), userTag(userId)]);
    if (consent.length > 0) this.consentChanged(userId, consent);
  }

  itemUpserted(itemId: ItemId): void {
    this.contentIndex.markStale();
    this.serving?.markItems([itemId]);
    this.pages.invalidate([itemTag(itemId)]);
  }

  // PrivacyObserver.
  /**
   * Personalisation changes only the user's own pages. A social change reaches every page that had or now
   * would have the user as a tie or a named user; a page computed while they refused carries no tag of theirs
   * (they were filtered out before it was built), so all pages go, and the GRAPH model too (its fit holds
   * friend edges only between consenting users). Consent changes are rare; correctness wins over hit rate.
   */
  consentChanged(userId: UserId, purposes: readonly Purpose[]): void {
    // The user's row holds their consent flags; ties are filtered by them when a page is computed.
    this.serving?.markUsers([userId]);
    this.graphCandidates.forget(userId);
    if (purposes.includes('social')) {
      this.pages.clear();
      this.graph.invalidate();
    } else if (purposes.includes('personalisation')) {
      this.pages.invalidate([ownerTag(userId)]);
    }
  }

  /**
   * Nothing this process keeps may still hold the erased user: every page goes (clear() also forgets the
   * invalidation tags, which carry user ids, and refuses pages computed before it), the GRAPH model and its
   * user index are refitted on next use, the CONTENT index (item features and per-item user counts, no ids)
   * and the global POPULAR list are re-read.
   */
  userErased(_userId: UserId): void {
    this.dropDerived();
  }

  /** Everything this process derived from the graph goes; each part is refitted or re-read on next use. */
  dropDerived(): void {
    this.pages.clear();
    this.graphCandidates.clear();
    this.graph.invalidate();
    this.contentIndex.markStale();
    this.serving?.markStale();
    this.globalPopular = undefined;
    this.reference.invalidate();
  }

  /**
   * For a user who refused personalisation: the global POPULAR ranking, filtered only by the request's own
   * rules (ids, categories, price); the history-based exclusions (seen, purchased) are not applied, since
   * they would read the user's history. Reasons carry personalisationOff.
   */
  private async notPersonalised(filter: RecsFilter, limit: number): Promise<RankedItem[]> {
    const anyone = { ...filter, excludeSeen: false, excludePurchased: false };
    const ref = await this.reference.get();
    // The same ranking as the briefly cached global list less the request's excluded ids (no user: no history).
    const list = await this.fromGlobalPopular(ref, filter, new Set(filter.excludeItemIds), limit)
      ?? (await this.store.popular(null, anyone, strategyParams('POPULAR', this.cfg, ref), limit));
    const candidates = list.map((c) => (c.reason.kind === 'POPULAR' ? { ...c, reason: { ...c.reason, personalisationOff: true } } : c));
    return singleSource({ source: 'POPULAR', candidates });
  }

  /** The ranking of one strategy (Cypher order and scores as they are) or of the hybrid. */
  private async rank(strategy: Strategy, weights: Weights, user: UserContext, filter: RecsFilter, limit: number, early: EarlySources, state: ServingState | undefined): Promise<RankedItem[]> {
    if (strategy !== 'HYBRID') return singleSource(await this.source(strategy, user, filter, limit));
    const warm = user.items.some((i) => i.weight > 0);
    if (!warm) {
      return cascadeSources(await Promise.all(this.cfg.coldStartCascade.map((s) => this.hybridSource(s, user, filter, limit, early, state))));
    }
    return blendSources(await Promise.all(hybridSources(weights).map((s) => this.hybridSource(s, user, filter, limit, early, state))), weights);
  }

  /**
   * The hybrid's SOCIAL query takes only the user id: when both the blend and the cold-start cascade use it
   * (so it is needed whatever the user's state), it is sent together with that state instead of after it.
   */
  private startEarly(req: RecommendRequest, limit: number): EarlySources {
    if (req.strategy !== 'HYBRID' || !(hybridSources(req.hybridWeights ?? this.cfg.hybridWeights).includes('SOCIAL') && this.cfg.coldStartCascade.includes('SOCIAL'))) return {};
    const social = this.reference.get().then((ref) => this.store.social(req.userId, req.filter, strategyParams('SOCIAL', this.cfg, ref), limit));
    social.catch(() => undefined); // awaited by the source, or dropped when the user does not exist
    return { SOCIAL: social };
  }

  /**
   * A source inside the hybrid: one already sent with the user's state, CONTENT from the in-memory index
   * (same candidates and scores as content.cypher; the file runs when attribute rules must cut before the
   * limit), the rest as for a single strategy.
   */
  private async hybridSource(name: SourceName, user: UserContext, filter: RecsFilter, limit: number, early: EarlySources, state: ServingState | undefined): Promise<SourceList> {
    const started = early[name];
    if (started !== undefined) return { source: name, candidates: await started };
    if (name === 'SOCIAL' && state !== undefined) {
      const s = this.cfg.social;
      const p = { now: await this.reference.get(), halfLifeMs: s.halfLifeMs, friendWeight: s.friendWeight, followWeight: s.followWeight, viaLimit: this.cfg.viaLimit, consentDefaults: this.cfg.consentDefaults };
      return { source: name, candidates: scoreSocial(state, user, filter, p, limit) };
    }
    if (name === 'CONTENT' && !hasAttributeRules(filter)) {
      const index = await this.contentIndex.get();
      return { source: name, candidates: scoreContent(index, user, excludedItems(user, filter), this.cfg.content, limit, this.cfg.viaLimit) };
    }
    return this.source(name, user, filter, limit);
  }

  /** A single strategy: the Cypher file as analysts run it, or the GRAPH model. */
  private async source(name: SourceName, user: UserContext, filter: RecsFilter, limit: number): Promise<SourceList> {
    // Only the decayed strategies read the reference time (the others ignore it: no round trip for them).
    const now = name === 'TRENDING' || name === 'SOCIAL' ? await this.reference.get() : 0;
    const s = this.store;
    const id = user.userId;
    switch (name) {
      case 'GRAPH': {
        const model = await this.graph.get();
        const excluded = excludedItems(user, filter);
        const score = () => scoreGraphUser(model, user, excluded, limit, this.cfg.viaLimit);
        return { source: name, candidates: this.graphCandidates.get(model, user, excluded, limit, this.cfg.viaLimit, score) };
      }
      case 'POPULAR': return { source: name, candidates: await this.popular(user, filter, limit) };
      case 'TRENDING': return { source: name, candidates: await s.trending(id, filter, strategyParams(name, this.cfg, now), limit) };
      case 'ITEM_CF': return { source: name, candidates: await this.itemCf(id, filter, limit) };
      case 'USER_CF': return { source: name, candidates: await s.userCf(id, filter, strategyParams(name, this.cfg, now), limit) };
      case 'CONTENT': return { source: name, candidates: await s.content(id, filter, strategyParams(name, this.cfg, now), limit) };
      case 'SOCIAL': return { source: name, candidates: await s.social(id, filter, strategyParams(name, this.cfg, now), limit) };
    }
  }

  /**
   * POPULAR for the hybrid: the global ranking (popular.cypher without a user) is the same for everyone, so
   * it is read at most once per page-cache TTL and the user's exclusions are applied here. When the cached
   * list could run short (attribute rules, or too many exclusions), the per-user query runs instead.
   */
  private async popular(user: UserContext, filter: RecsFilter, limit: number): Promise<Candidate[]> {
    const ref = await this.reference.get();
    return (await this.fromGlobalPopular(ref, filter, excludedItems(user, filter), limit))
      ?? this.store.popular(user.userId, filter, strategyParams('POPULAR', this.cfg, ref), limit);
  }

  /**
   * The first `limit` of the cached global ranking outside `excluded`; undefined when the list cannot answer
   * exactly (attribute rules, caching off, or too many exclusions for the cached length).
   */
  private async fromGlobalPopular(ref: number, filter: RecsFilter, excluded: ReadonlySet<ItemId>, limit: number): Promise<Candidate[] | undefined> {
    if (hasAttributeRules(filter) || this.cfg.resultCache.ttlMs <= 0) return undefined;
    const now = this.now();
    const size = this.cfg.candidatePool * 5;
    if (this.globalPopular === undefined || this.globalPopular.at + this.cfg.resultCache.ttlMs <= now) {
      const list = this.store.popular(null, { ...filter, excludeItemIds: [] }, strategyParams('POPULAR', this.cfg, ref), size);
      this.globalPopular = { at: now, list };
      list.catch(() => (this.globalPopular = undefined));
    }
    const all = await this.globalPopular.list;
    const kept = all.filter((c) => !excluded.has(c.itemId));
    return kept.length >= limit || all.length < size ? kept.slice(0, limit) : undefined;
  }

  /** The ranked items passing the category and price rules, with the facts read to decide it (one round trip). */
  private async keepAttributes(ranked: RankedItem[], filter: RecsFilter, state?: ServingState): Promise<{ ranked: RankedItem[]; facts: ReadonlyMap<ItemId, ItemFacts> }> {
    const facts = new Map<ItemId, ItemFacts>();
    const unknown: ItemId[] = [];
    for (const r of ranked) {
      const f = state?.item(r.itemId);
      if (f === undefined) unknown.push(r.itemId);
      else facts.set(r.itemId, f);
    }
    if (unknown.length > 0) for (const [id, f] of await this.store.itemFacts(unknown)) facts.set(id, f);
    return { ranked: ranked.filter((r) => {
      const f = facts.get(r.itemId);
      return f !== undefined && passesAttributes(f, filter);
    }), facts };
  }

  /** The requested slice of a ranking with everything it shows, read in one round trip. */
  private async toPage(userId: UserId | null, strategy: Strategy, ranked: readonly RankedItem[], offset: number, first: number, state?: ServingState): Promise<RecommendationPage> {
    const slice = ranked.slice(offset, offset + first);
    const entities = await this.entities(referencedIds(slice.map((r) => r.itemId), slice.flatMap((r) => r.reasons)), state);
    const items: RecommendationPage['items'][number][] = [];
    for (const r of slice) {
      const item = entities.items.get(r.itemId);
      // A literal, not a spread: one object shape for every page item (cheaper to build and to read).
      if (item !== undefined) items.push({ itemId: r.itemId, score: r.score, sources: r.sources, reasons: r.reasons, item });
    }
    return { userId, strategy, offset, items, hasNextPage: ranked.length > offset + first, entities };
  }

  /** What a page shows: from the serving state when there is one, the ids it lacks (or all) from the database. */
  private async entities(ids: EntityIds, state: ServingState | undefined): Promise<PageEntities> {
    if (state === undefined) return this.store.entities(ids);
    const { entities, missing } = state.entities(ids);
    return nothingMissing(missing) ? entities : mergeEntities(entities, await this.store.entities(missing));
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

type Weights = Readonly<Record<SourceName, number>>;

/** The GRAPH tuner's held-out users with ids, and their GRAPH candidates (reasons are not tuned on). */
function heldOutUsers(m: GraphModel, h: GraphHoldout): HeldOutUser[] {
  return Array.from(h.users, (u, k) => {
    const graph: Candidate[] = [];
    for (let p = h.offsets[k]!; p < h.offsets[k + 1]!; p++) {
      graph.push({ itemId: m.itemIds[h.items[p]!]!, score: h.scores[p]!, reason: { kind: 'GRAPH_NEIGHBOURS', viaItemIds: [], viaUserIds: [] } });
    }
    const heldOut = Array.from(h.heldOut.subarray(h.heldOutOffsets[k]!, h.heldOutOffsets[k + 1]!), (i) => m.itemIds[i]!);
    return { userId: m.userIds[u]!, heldOut, graph };
  });
}

/** The sources a blend with these weights reads (weight > 0), in a fixed order. */
const hybridSources = (weights: Weights): SourceName[] => (Object.keys(weights) as SourceName[]).filter((s) => weights[s] > 0).sort();

/** Sources already sent with the user's state. */
type EarlySources = Partial<Record<SourceName, Promise<Candidate[]>>>;

const ownerTag = (u: UserId) => `owner:${u}`;
const userTag = (u: UserId) => `user:${u}`;
const itemTag = (i: ItemId) => `item:${i}`;

/**
 * What a cached page depends on, for invalidation: its owner; the owner's ties (their consent decides
 * whether they count) and every user it names; every item it shows or names in a reason.
 */
export function pageTags(user: UserContext, entities: PageEntities): string[] {
  return [
    ownerTag(user.userId),
    ...[...user.friends, ...user.following, ...entities.users.map((u) => u.id)].map(userTag),
    ...[...entities.items.keys()].map(itemTag),
  ];
}

const usesGraph = (s: Strategy): boolean => s === 'GRAPH' || s === 'HYBRID';
