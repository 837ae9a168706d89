import DataLoader from 'dataloader';
import type { Category, Tag, User } from '../domain/entities.ts';
import type { CategoryId, ItemId, TagId, UserId } from '../domain/ids.ts';
import type { CatalogStore, ItemView } from '../storage/catalog-store.ts';
import type { SocialStore } from '../storage/social-store.ts';

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
}

export function createLoaders(catalog: CatalogStore, social: SocialStore): Loaders {
  return {
    user: new DataLoader((ids) => catalog.usersByIds(ids)),
    item: new DataLoader((ids) => catalog.itemsByIds(ids)),
    category: new DataLoader((ids) => catalog.categoriesByIds(ids)),
    tag: new DataLoader((ids) => catalog.tagsByIds(ids)),
    friendCount: new DataLoader((ids) => social.friendCounts(ids)),
  };
}
