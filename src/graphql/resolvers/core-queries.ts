import { asCategoryId, asItemId, type ItemId, type UserId } from '../../domain/ids.ts';
import { authorize } from '../../usecases/access/permissions.ts';
import type { GraphContext } from '../context.ts';
import { decodeCursor, pageSize, toConnection } from '../pagination.ts';

interface PageArgs { first?: number | null; after?: string | null }

/**
 * Query fields of the foundation: health, lookups by id, paginated lists. Each is one loader or store call
 * behind the permission it needs (usecases/access/permissions.ts).
 */
export const coreQueryResolvers = {
  health: async (_: unknown, __: unknown, ctx: GraphContext) => {
    const database = await ctx.services.ping();
    return { status: database ? 'ok' : 'degraded', database, neo4jMode: ctx.services.neo4jMode };
  },
  user: (_: unknown, args: { id: string }, ctx: GraphContext) => {
    const id = ctx.services.userIds.map(args.id);
    authorize(ctx.principal, 'user:read', id);
    return ctx.loaders.user.load(id);
  },
  item: (_: unknown, args: { id: string }, ctx: GraphContext) => {
    authorize(ctx.principal, 'catalog:read');
    return ctx.loaders.item.load(asItemId(args.id));
  },
  category: (_: unknown, args: { id: string }, ctx: GraphContext) => {
    authorize(ctx.principal, 'catalog:read');
    return ctx.loaders.category.load(asCategoryId(args.id));
  },
  async users(_: unknown, args: PageArgs, ctx: GraphContext) {
    authorize(ctx.principal, 'user:list');
    const first = pageSize(args.first);
    const [ids, totals] = await Promise.all([
      ctx.services.catalog.userIdsPage(decodeCursor(args.after), first + 1),
      ctx.services.catalog.totals(null),
    ]);
    const conn = toConnection(ids, first, (id) => id, (id: UserId) => ctx.loaders.user.load(id));
    return { ...conn, totalCount: totals.users };
  },
  async items(_: unknown, args: PageArgs & { categoryId?: string | null }, ctx: GraphContext) {
    authorize(ctx.principal, 'catalog:read');
    const first = pageSize(args.first);
    const categoryId = args.categoryId != null ? asCategoryId(args.categoryId) : null;
    const [ids, totals] = await Promise.all([
      ctx.services.catalog.itemIdsPage(decodeCursor(args.after), first + 1, categoryId),
      ctx.services.catalog.totals(categoryId),
    ]);
    const conn = toConnection(ids, first, (id) => id, (id: ItemId) => ctx.loaders.item.load(id));
    return { ...conn, totalCount: totals.items };
  },
};
