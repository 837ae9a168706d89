import type { Item, User } from '../../domain/entities.ts';
import type { EventType } from '../../domain/events.ts';
import { asUserId, type CategoryId, type ItemId, type TagId } from '../../domain/ids.ts';
import { parseEventType } from '../../domain/events.ts';
import { invalidInput } from '../../domain/errors.ts';
import type { StoredEvent } from '../../storage/event-store.ts';
import { authorizeUserLists, privateUserField } from '../../usecases/access/user-visibility.ts';
import type { GraphContext } from '../context.ts';
import { lookupMany } from '../loaders.ts';
import { decodeCursor, pageSize, handled, toConnection } from '../pagination.ts';

interface PageArgs { first?: number | null; after?: string | null }

/** Field resolvers of User, Item and Interaction: each one loader call or one store call. */
export const coreTypeResolvers = {
  User: {
    age: (user: User, _: unknown, ctx: GraphContext) => privateUserField(ctx.principal, user, 'age'),
    gender: (user: User, _: unknown, ctx: GraphContext) => privateUserField(ctx.principal, user, 'gender'),
    location: (user: User, _: unknown, ctx: GraphContext) => privateUserField(ctx.principal, user, 'location'),
    async interactions(user: User, args: PageArgs & { type?: string | null }, ctx: GraphContext) {
      authorizeUserLists(ctx.principal, user);
      const first = pageSize(args.first);
      const key = decodeCursor(args.after);
      const sep = key.indexOf(':');
      const before = key === '' ? null : { ts: Number(key.slice(0, sep)), id: key.slice(sep + 1) };
      if (before !== null && (sep < 0 || Number.isNaN(before.ts))) throw invalidInput('malformed cursor', { field: 'after' });
      const type: EventType | null = args.type != null ? (parseEventType(args.type) ?? null) : null;
      const events = await ctx.services.events.userEventsPage(user.id, before, first + 1, type);
      return toConnection(events, first, (e) => `${e.ts}:${e.id}`, (e) => e);
    },
    async friends(user: User, args: PageArgs, ctx: GraphContext) {
      authorizeUserLists(ctx.principal, user);
      const first = pageSize(args.first);
      const ids = await ctx.services.social.friendIdsPage(user.id, decodeCursor(args.after), first + 1);
      return { ...toConnection(ids, first, (id) => id, (id) => ctx.loaders.user.load(id)), totalCount: handled(ctx.loaders.friendCount.load(user.id)) };
    },
    async following(user: User, args: PageArgs, ctx: GraphContext) {
      authorizeUserLists(ctx.principal, user);
      const first = pageSize(args.first);
      const ids = await ctx.services.social.followingIdsPage(user.id, decodeCursor(args.after), first + 1);
      return { ...toConnection(ids, first, (id) => id, (id) => ctx.loaders.user.load(id)), totalCount: null };
    },
    friendCount: (user: User, _: unknown, ctx: GraphContext) => ctx.loaders.friendCount.load(user.id),
  },
  Item: {
    categories: (item: Item, _: unknown, ctx: GraphContext) =>
      lookupMany(ctx.loaders.known.categories, ctx.loaders.category, (item.categoryIds ?? []) as readonly CategoryId[]),
    tags: (item: Item, _: unknown, ctx: GraphContext) => lookupMany(ctx.loaders.known.tags, ctx.loaders.tag, (item.tagIds ?? []) as readonly TagId[]),
    popularity: (item: Item & { popularity?: number }) => item.popularity ?? 0,
  },
  Interaction: {
    type: (e: StoredEvent) => e.type.toUpperCase(),
    at: (e: StoredEvent) => e.ts,
    item: async (e: StoredEvent, _: unknown, ctx: GraphContext) => ctx.loaders.item.load(e.itemId as ItemId),
    user: async (e: StoredEvent, _: unknown, ctx: GraphContext) => ctx.loaders.user.load(asUserId(e.userId)),
    /** Read with the event (no extra round trip); servedAt goes out as ISO-8601 through the DateTime scalar. */
    attribution: (e: StoredEvent) => e.attribution,
  },
};
