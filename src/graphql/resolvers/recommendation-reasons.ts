import type { Category, Tag, User } from '../../domain/entities.ts';
import type { CategoryId, ItemId, TagId, UserId } from '../../domain/ids.ts';
import type { ItemView } from '../../storage/catalog-store.ts';
import type { ReasonData, ReasonKind } from '../../usecases/recommend/types.ts';
import type { GraphContext } from '../context.ts';
import { andThen, lookup, lookupMany } from '../loaders.ts';

type R<K extends ReasonKind> = Extract<ReasonData, { kind: K }>;

/** The GraphQL type of each reason kind (several kinds share a type). */
const TYPE_OF: Readonly<Record<ReasonKind, string>> = {
  SIMILAR_TO_ITEMS: 'SimilarToItemsReason',
  CO_INTERACTED: 'SimilarToItemsReason',
  SHARED_ITEMS: 'SimilarToItemsReason',
  FRIENDS_LIKED: 'FriendsLikedReason',
  MUTUAL_FRIENDS: 'FriendsLikedReason',
  SHARED_ATTRIBUTES: 'SharedAttributesReason',
  POPULAR: 'PopularReason',
  GRAPH_NEIGHBOURS: 'GraphNeighboursReason',
  SIMILAR_USERS: 'SimilarUsersReason',
};

// Lookups answer synchronously from the entities the use case already read (see Loaders.known).
const users = (ids: readonly UserId[], ctx: GraphContext): User[] | Promise<User[]> => lookupMany(ctx.loaders.known.users, ctx.loaders.user, ids);
const items = (ids: readonly ItemId[], ctx: GraphContext): ItemView[] | Promise<ItemView[]> => lookupMany(ctx.loaders.known.items, ctx.loaders.item, ids);
const categories = (ids: readonly CategoryId[], ctx: GraphContext): Category[] | Promise<Category[]> => lookupMany(ctx.loaders.known.categories, ctx.loaders.category, ids);
const tags = (ids: readonly TagId[], ctx: GraphContext): Tag[] | Promise<Tag[]> => lookupMany(ctx.loaders.known.tags, ctx.loaders.tag, ids);

/** "A, B and 2 others" from display names. */
export function nameList(names: readonly string[], total: number): string {
  const shown = names.slice(0, 3);
  const rest = total - shown.length;
  if (shown.length === 0) return `${total}`;
  const head = shown.length > 1 && rest <= 0 ? `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}` : shown.join(', ');
  return rest > 0 ? `${head} and ${rest} other${rest === 1 ? '' : 's'}` : head;
}

/** Two lookups together, synchronously when both are values. */
function both<A, B>(a: A | Promise<A>, b: B | Promise<B>): [A, B] | Promise<[A, B]> {
  return a instanceof Promise || b instanceof Promise ? Promise.all([a, b]) : [a, b];
}

const itemItems = (r: R<'SIMILAR_TO_ITEMS'> | R<'CO_INTERACTED'> | R<'SHARED_ITEMS'>, _: unknown, ctx: GraphContext) => items(r.itemIds, ctx);
const kind = (r: ReasonData) => r.kind;

export const reasonResolvers = {
  Reason: { __resolveType: (r: ReasonData) => TYPE_OF[r.kind] },
  SimilarToItemsReason: {
    kind,
    items: itemItems,
    text: (r: R<'SIMILAR_TO_ITEMS'> | R<'CO_INTERACTED'> | R<'SHARED_ITEMS'>, _: unknown, ctx: GraphContext) =>
      andThen(items(r.itemIds, ctx), (is) => {
        const names = is.map((i) => i.title ?? i.id);
        if (r.kind === 'CO_INTERACTED') return `${r.count} ${r.count === 1 ? 'person' : 'people'} who chose ${nameList(names, names.length)} also chose this`;
        if (r.kind === 'SHARED_ITEMS') return `You both chose ${nameList(names, r.count)}`;
        return `Similar to ${nameList(names, names.length)}, which you chose`;
      }),
  },
  FriendsLikedReason: {
    kind,
    friends: (r: R<'FRIENDS_LIKED'> | R<'MUTUAL_FRIENDS'>, _: unknown, ctx: GraphContext) => users(r.friendIds, ctx),
    count: (r: R<'FRIENDS_LIKED'> | R<'MUTUAL_FRIENDS'>) => r.count,
    text: (r: R<'FRIENDS_LIKED'> | R<'MUTUAL_FRIENDS'>, _: unknown, ctx: GraphContext) =>
      andThen(users(r.friendIds, ctx), (us) => {
        const names = nameList(us.map((u) => u.name ?? u.id), r.count);
        if (r.kind === 'MUTUAL_FRIENDS') return `${r.count} mutual friend${r.count === 1 ? '' : 's'}: ${names}`;
        const verb = r.buyers === r.count ? 'bought' : 'liked';
        return `${names} ${r.count === 1 ? `(a friend) ${verb}` : `(${r.count} friends) ${verb}`} this`;
      }),
  },
  SharedAttributesReason: {
    kind,
    categories: (r: R<'SHARED_ATTRIBUTES'>, _: unknown, ctx: GraphContext) => categories(r.categoryIds, ctx),
    tags: (r: R<'SHARED_ATTRIBUTES'>, _: unknown, ctx: GraphContext) => tags(r.tagIds, ctx),
    text: (r: R<'SHARED_ATTRIBUTES'>, _: unknown, ctx: GraphContext) =>
      andThen(both(categories(r.categoryIds, ctx), tags(r.tagIds, ctx)), ([cs, ts]) => {
        const names = [...cs.map((c) => c.name ?? c.id), ...ts.map((t) => `#${t.name ?? t.id}`)];
        return `Matches your interest in ${nameList(names, names.length)}`;
      }),
  },
  PopularReason: {
    kind,
    category: (r: R<'POPULAR'>, _: unknown, ctx: GraphContext) => (r.categoryId === null ? null : lookup(ctx.loaders.known.categories, ctx.loaders.category, r.categoryId)),
    interactions: (r: R<'POPULAR'>) => r.interactions,
    personalisationOff: (r: R<'POPULAR'>) => r.personalisationOff === true,
    text(r: R<'POPULAR'>, _: unknown, ctx: GraphContext) {
      if (r.personalisationOff === true) return `Popular with all shoppers: ${r.interactions} chose it recently (personalisation is off for you)`;
      if (r.trending) return `Trending: ${r.interactions} interaction${r.interactions === 1 ? '' : 's'} this week`;
      const category = r.categoryId === null ? null : lookup(ctx.loaders.known.categories, ctx.loaders.category, r.categoryId);
      return andThen(category, (c) => `Popular${c !== null ? ` in ${c.name ?? c.id}` : ''}: ${r.interactions} ${r.interactions === 1 ? 'person' : 'people'} chose it recently`);
    },
  },
  GraphNeighboursReason: {
    kind,
    viaItems: (r: R<'GRAPH_NEIGHBOURS'>, _: unknown, ctx: GraphContext) => items(r.viaItemIds, ctx),
    viaUsers: (r: R<'GRAPH_NEIGHBOURS'>, _: unknown, ctx: GraphContext) => users(r.viaUserIds, ctx),
    text: (r: R<'GRAPH_NEIGHBOURS'>, _: unknown, ctx: GraphContext) =>
      andThen(both(items(r.viaItemIds, ctx), users(r.viaUserIds, ctx)), ([is, us]) => {
        const parts = [
          ...(is.length > 0 ? [`${nameList(is.map((i) => i.title ?? i.id), is.length)} in your history`] : []),
          ...(us.length > 0 ? [`your friends ${nameList(us.map((u) => u.name ?? u.id), us.length)}`] : []),
        ];
        return parts.length > 0 ? `Close in the shopping graph to ${parts.join(' and ')}` : 'Close to your history in the shopping graph';
      }),
  },
  SimilarUsersReason: {
    kind,
    users: (r: R<'SIMILAR_USERS'>, _: unknown, ctx: GraphContext) => users(r.userIds, ctx),
    // count includes neighbours who are not named (they declined social features).
    text: (r: R<'SIMILAR_USERS'>) => `Chosen by ${r.count} shopper${r.count === 1 ? '' : 's'} with tastes like yours`,
  },
};
