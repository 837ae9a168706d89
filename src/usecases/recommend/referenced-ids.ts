// Which entities a list of results will show: the items themselves plus every item, user, category and
// tag their reasons name. Read together in one round trip (cypher/recs/entities.cypher).
import type { CategoryId, ItemId, TagId, UserId } from '../../domain/ids.ts';
import type { EntityIds, ReasonData } from './types.ts';

export function referencedIds(itemIds: readonly ItemId[], reasons: readonly ReasonData[], userIds: readonly UserId[] = []): EntityIds {
  const items = new Set<ItemId>(itemIds);
  const users = new Set<UserId>(userIds);
  const categories = new Set<CategoryId>();
  const tags = new Set<TagId>();
  for (const r of reasons) {
    switch (r.kind) {
      case 'SIMILAR_TO_ITEMS':
      case 'CO_INTERACTED':
      case 'SHARED_ITEMS':
        r.itemIds.forEach((i) => items.add(i));
        break;
      case 'FRIENDS_LIKED':
      case 'MUTUAL_FRIENDS':
        r.friendIds.forEach((u) => users.add(u));
        break;
      case 'SHARED_ATTRIBUTES':
        r.categoryIds.forEach((c) => categories.add(c));
        r.tagIds.forEach((t) => tags.add(t));
        break;
      case 'POPULAR':
        if (r.categoryId !== null) categories.add(r.categoryId);
        break;
      case 'GRAPH_NEIGHBOURS':
        r.viaItemIds.forEach((i) => items.add(i));
        r.viaUserIds.forEach((u) => users.add(u));
        break;
      case 'SIMILAR_USERS':
        r.userIds.forEach((u) => users.add(u));
        break;
    }
  }
  return { itemIds: [...items], userIds: [...users], categoryIds: [...categories], tagIds: [...tags] };
}
