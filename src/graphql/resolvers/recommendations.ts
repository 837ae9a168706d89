import { asItemId, asUserId } from '../../domain/ids.ts';
import { encodeRankCursor, parseFirst, parseRecommendArgs, parseVisitorArgs, requireId, type RecommendArgs, type VisitorArgs } from '../../usecases/recommend/parse-args.ts';
import type { RecommendedItem, ScoredItem } from '../../usecases/recommend/recs-service.ts';
import { servePage, visitorPage, type ServeDeps, type ServedPage } from '../../usecases/loop/serve-page.ts';
import type { GraphModelSummary } from '../../usecases/recommend/graph-model-cache.ts';
import type { PageEntities, PersonSuggestion, SourceName, Strategy } from '../../usecases/recommend/types.ts';
import type { GraphContext } from '../context.ts';
import { lookup, primeEntities } from '../loaders.ts';
import type { ResolverSet } from '../schema.ts';
import { reasonResolvers } from './recommendation-reasons.ts';

/**
 * Thin: parse arguments, one use case call, prime the item loader with the items the use case already
 * read (so `item { ... }` costs no extra round trip), return. Reasons resolve their users, items,
 * categories and tags through the per-request loaders.
 */
export const recommendationResolvers: ResolverSet = {
  Query: {
    recommendations: async (_: unknown, args: RecommendArgs, ctx: GraphContext) =>
      toConnection(await servePage(ctx.principal, parseRecommendArgs(args, ctx.services.userIds), args.strategy != null, serveDeps(ctx)), ctx),
    friendRecommendations: async (_: unknown, args: { userId: string; first?: number | null; after?: string | null }, ctx: GraphContext) =>
      toConnection(await servePage(ctx.principal, parseRecommendArgs({ ...args, strategy: 'SOCIAL' }, ctx.services.userIds), true, serveDeps(ctx)), ctx),
    visitorRecommendations: async (_: unknown, args: VisitorArgs, ctx: GraphContext) =>
      toConnection(visitorPage(await ctx.services.recs.recommendForVisitor(ctx.principal, parseVisitorArgs(args))), ctx),
    similarItems: async (_: unknown, args: { itemId: string; first?: number | null }, ctx: GraphContext) => {
      const r = await ctx.services.recs.similarItems(ctx.principal, asItemId(requireId('itemId', args.itemId)), parseFirst(args.first, 10));
      prime(r.entities, ctx);
      return r.items;
    },
    peopleYouMayKnow: async (_: unknown, args: { userId: string; first?: number | null }, ctx: GraphContext) => {
      const userId = ctx.services.userIds.pseudonymous ? ctx.services.userIds.encode(args.userId) : asUserId(requireId('userId', args.userId));
      const r = await ctx.services.recs.peopleYouMayKnow(ctx.principal, userId, parseFirst(args.first, 10));
      prime(r.entities, ctx);
      return r.people;
    },
  },
  Mutation: {
    refreshGraphModel: (_: unknown, args: { writeEmbeddings?: boolean | null }, ctx: GraphContext) =>
      ctx.services.recs.refreshGraphModel(ctx.principal, args.writeEmbeddings ?? true),
  },
  Recommendation: {
    item: (r: RecommendedItem, _: unknown, ctx: GraphContext) => lookup(ctx.loaders.known.items, ctx.loaders.item, r.itemId),
    sources: (r: RecommendedItem): Strategy[] => [...new Set(r.sources.map(publicSource))],
  },
  ScoredItem: {
    item: (s: ScoredItem, _: unknown, ctx: GraphContext) => lookup(ctx.loaders.known.items, ctx.loaders.item, s.itemId),
  },
  PersonSuggestion: {
    user: (p: PersonSuggestion, _: unknown, ctx: GraphContext) => lookup(ctx.loaders.known.users, ctx.loaders.user, p.userId),
  },
  GraphModelInfo: {
    fittedAt: (s: GraphModelSummary) => s.fittedAt,
    tuning: (s: GraphModelSummary) => s.tuning ?? null,
  },
  GraphTuningCandidate: {
    settings: (c: { params: unknown }) => c.params,
  },
  GraphTuning: {
    blend: (t: { blend?: unknown }) => t.blend ?? null,
  },
  BlendTuning: {
    singleNdcg10: (b: { single: unknown }) => b.single,
  },
  ...reasonResolvers,
};

/** The use case already read what the page shows: hand it to this request's lookups (no extra round trips). */
function prime(e: PageEntities, ctx: GraphContext): void {
  primeEntities(ctx.loaders, e);
}

function toConnection(page: ServedPage, ctx: GraphContext) {
  prime(page.entities, ctx);
  const edges = page.items.map((item, k) => ({ cursor: encodeRankCursor(page.offset + k + 1), node: { ...item, position: page.offset + k + 1 } }));
  return {
    edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null }, strategy: page.strategy,
    recommendationId: page.recommendationId, experiment: page.experiment,
  };
}

const serveDeps = (ctx: GraphContext): ServeDeps => ({ recs: ctx.services.recs, chooser: ctx.services.loop.chooser, recIds: ctx.services.loop.recIds, now: ctx.services.now });

const publicSource = (s: SourceName): Strategy => (s === 'TRENDING' ? 'POPULAR' : s);
