// Customer understanding fields: profiles, ranked customers, segments, clustering, hot items and demand
// forecasts. One use-case call each; the types below only map ids to loaders and times to DateTime.
import { asCategoryId, asItemId, asTagId, type UserId } from '../../domain/ids.ts';
import type { StoredSegment } from '../../domain/segment.ts';
import type { UserProfileView } from '../../usecases/customers/profile-view.ts';
import type { CustomerOrder } from '../../usecases/customers/customer-service.ts';
import type { GraphContext } from '../context.ts';
import { decodeCursor, encodeCursor, handled, pageSize, toConnection } from '../pagination.ts';
import type { ResolverSet } from '../schema.ts';
import { invalidInput } from '../../domain/errors.ts';

interface PageArgs { first?: number | null; after?: string | null }

/** Offset cursors for lists ordered by a computed score. */
function offsetOf(after: string | null | undefined): number {
  const key = decodeCursor(after);
  if (key === '') return 0;
  const n = Number(key);
  if (!Number.isInteger(n) || n < 1) throw invalidInput(`malformed cursor '${after}'`, { field: 'after' });
  return n;
}

const time = (ms: number | null | undefined): number | null => (ms == null ? null : ms);
/** A DateTime argument (an ISO string the scalar checked) as epoch ms. */
const ms = (iso: string | null | undefined): number | null => (iso == null ? null : Date.parse(iso));

export const customerResolvers: ResolverSet = {
  Query: {
    userProfile: (_: unknown, args: { userId: string }, ctx: GraphContext) => ctx.services.customers.profile(ctx.principal, args.userId),
    async customers(_: unknown, args: PageArgs & { orderBy?: CustomerOrder | null; segmentId?: string | null }, ctx: GraphContext) {
      const first = pageSize(args.first);
      const skip = offsetOf(args.after);
      const ranked = await ctx.services.customers.ranked(ctx.principal, args.orderBy ?? 'CHURN_RISK', args.segmentId ?? null, skip, first + 1);
      const page = ranked.slice(0, first);
      return {
        edges: page.map((r, k) => ({ cursor: encodeCursor(String(skip + k + 1)), score: r.score, node: r.profile })),
        pageInfo: { hasNextPage: ranked.length > first, endCursor: page.length > 0 ? encodeCursor(String(skip + page.length)) : null },
      };
    },
    segments: (_: unknown, args: { kind?: StoredSegment['kind'] | null }, ctx: GraphContext) => ctx.services.segments.list(ctx.principal, args.kind ?? null),
    segment: (_: unknown, args: { id: string }, ctx: GraphContext) => ctx.services.segments.get(ctx.principal, args.id),
    profileFeatures: (_: unknown, __: unknown, ctx: GraphContext) => ctx.services.customers.features(ctx.principal),
    hotItems: (
      _: unknown,
      args: { categoryId?: string | null; window?: { recentDays?: number | null; baselineDays?: number | null; asOf?: string | null } | null; eventType?: string | null; first?: number | null },
      ctx: GraphContext,
    ) => ctx.services.demand.hotItems(ctx.principal, {
      categoryId: args.categoryId ?? null,
      eventType: args.eventType ?? null,
      recentDays: args.window?.recentDays ?? null,
      baselineDays: args.window?.baselineDays ?? null,
      asOf: args.window?.asOf == null ? null : Date.parse(args.window.asOf),
      first: args.first ?? null,
    }),
    demandForecast: (
      _: unknown,
      args: { itemId?: string | null; categoryId?: string | null; horizonDays?: number | null; historyDays?: number | null; eventType?: string | null },
      ctx: GraphContext,
    ) => ctx.services.demand.forecast(ctx.principal, args),
  },
  Mutation: {
    defineSegment: (_: unknown, args: { input: { name: string; rule: unknown } }, ctx: GraphContext) => ctx.services.segments.define(ctx.principal, args.input),
    deleteSegment: (_: unknown, args: { id: string }, ctx: GraphContext) => ctx.services.segments.delete(ctx.principal, args.id),
    clusterCustomers: (_: unknown, args: { input?: { features?: string[] | null; minK?: number | null; maxK?: number | null; seed?: number | null } | null }, ctx: GraphContext) =>
      ctx.services.segments.cluster(ctx.principal, args.input ?? {}),
  },
  UserProfile: {
    computedAt: (p: UserProfileView) => time(p.computedAt),
    asOf: (p: UserProfileView) => time(p.asOf),
  },
  CategoryAffinity: {
    category: async (a: { id: string }, _: unknown, ctx: GraphContext) => (await ctx.loaders.category.load(asCategoryId(a.id))) ?? { id: a.id, name: null },
  },
  TagAffinity: {
    tag: async (a: { id: string }, _: unknown, ctx: GraphContext) => (await ctx.loaders.tag.load(asTagId(a.id))) ?? { id: a.id, name: null },
  },
  InterestFeatures: {
    categories: (i: UserProfileView['interest']) => i.categories,
    tags: (i: UserProfileView['interest']) => i.tags,
  },
  Segment: {
    rule: (s: StoredSegment) => (s.rule === null ? null : JSON.parse(s.rule) as unknown),
    centroid: (s: StoredSegment) => (s.centroid == null ? null : JSON.parse(s.centroid) as unknown),
    size: (s: StoredSegment) => s.size ?? 0,
    refreshedAt: (s: StoredSegment) => time(s.refreshedAt),
    summary: (s: StoredSegment, _: unknown, ctx: GraphContext) => ctx.services.segments.summary(ctx.principal, s.id),
    topItems: (s: StoredSegment, args: { first?: number | null }, ctx: GraphContext) => ctx.services.segments.topItems(ctx.principal, s.id, pageSize(args.first, 10)),
    sizeHistory: (s: StoredSegment, args: { from?: string | null; to?: string | null; last?: number | null }, ctx: GraphContext) =>
      ctx.services.segments.sizeHistory(ctx.principal, s.id, { from: ms(args.from), to: ms(args.to), last: args.last ?? 100 }),
    async members(s: StoredSegment, args: PageArgs, ctx: GraphContext) {
      const first = pageSize(args.first);
      const ids = await ctx.services.segments.members(ctx.principal, s.id, decodeCursor(args.after), first + 1);
      return { ...toConnection(ids, first, (id) => id, (id) => ctx.loaders.user.load(id as UserId)), totalCount: s.size ?? null };
    },
  },
  SegmentTopItem: {
    item: (h: { itemId: string }, _: unknown, ctx: GraphContext) => handled(ctx.loaders.item.load(asItemId(h.itemId))),
  },
  HotItem: {
    item: (h: { itemId: string }, _: unknown, ctx: GraphContext) => handled(ctx.loaders.item.load(asItemId(h.itemId))),
  },
  DemandForecast: {
    eventType: (f: { eventType: string }) => f.eventType.toUpperCase(),
  },
};
