import DataLoader from 'dataloader';
import type { Category, Tag, User } from '../domain/entities.ts';
import type { CategoryId, ItemId, TagId, UserId } from '../domain/ids.ts';
import type { CatalogStore, ItemView } from '../storage/catalog-store.ts';
import type { SocialStore } from '../storage/social-store.ts';
import type { PageEntities } from '../usecases/recommend/types.ts';

/**
 * Per-request DataLoaders (created in the context function, never shared between requests): every
 * `item { ... }` in a response of 20 recommendations costs one batched round trip, not 20.
 */
export interface Loaders {
  readonly user: DataLoader<UserId, User | null>;
  readonly item: DataLoader<ItemId, ItemView | null>;
  readonly category: DataLoader<CategoryId, Category | null>;
  readonly tag: DataLoader<TagId, Tag | null>;
  readonly friendCount: DataLoader<UserId, number>;
  /**
   * Entities a use case already read for this request (a page of recommendations and what its reasons
   * name). Resolvers answer from these synchronously: a page has a few hundred such fields, and a promise
   * per field (a primed DataLoader still returns one) is most of the execution time.
   */
  readonly known: {
    readonly items: Map<ItemId, ItemView>;
    readonly users: Map<UserId, User>;
    readonly categories: Map<CategoryId, Category>;
    readonly tags: Map<TagId, Tag>;
  };
}

export function createLoaders(catalog: CatalogStore, social: SocialStore): Loaders {
  return {
    user: new DataLoader((ids) => catalog.usersByIds(ids)),
    item: new DataLoader((ids) => catalog.itemsByIds(ids)),
    category: new DataLoader((ids) => catalog.categoriesByIds(ids)),
    tag: new DataLoader((ids) => catalog.tagsByIds(ids)),
    friendCount: new DataLoader((ids) => social.friendCounts(ids)),
    known: { items: new Map(), users: new Map(), categories: new Map(), tags: new Map() },
  };
}

/** Hands what a use case already read to this request's lookups (no extra round trips). */
export function primeEntities(l: Loaders, e: PageEntities): void {
  for (const [id, item] of e.items) {
    l.known.items.set(id, item);
    l.item.prime(id, item);
  }
  for (const c of e.categories) {
    l.known.categories.set(c.id, c);
    l.category.prime(c.id, c);
  }
  for (const t of e.tags) {
    l.known.tags.set(t.id, t);
    l.tag.prime(t.id, t);
  }
  for (const u of e.users) {
    l.known.users.set(u.id, u);
    l.user.prime(u.id, u);
  }
}

/** One entity: synchronously when this request already has it, else through the batched loader. */
export function lookup<K, V>(known: ReadonlyMap<K, V>, loader: DataLoader<K, V | null>, id: K): V | null | Promise<V | null> {
  return known.get(id) ?? loader.load(id);
}

/** The entities that exist, in id order; synchronous when this request already has them all. */
export function lookupMany<K, V>(known: ReadonlyMap<K, V>, loader: DataLoader<K, V | null>, ids: readonly K[]): V[] | Promise<V[]> {
  const out: V[] = [];
  for (const id of ids) {
    const v = known.get(id);
    if (v === undefined) return loader.loadMany([...ids]).then((xs) => xs.filter((x): x is Awaited<V> => x !== null && !(x instanceof Error)));
    out.push(v);
  }
  return out;
}

/**
 * `f(v)` now when `v` is a value, after it when it is a promise (keeps synchronous resolvers synchronous).
 * Not named `then`: a module exporting `then` is a thenable, and `await import()` of it would call it.
 */
export function andThen<T, R>(v: T | Promise<T>, f: (t: T) => R): R | Promise<R> {
  return v instanceof Promise ? v.then(f) : f(v);
}
