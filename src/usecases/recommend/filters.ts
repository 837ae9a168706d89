// Business filters applied in memory (the Cypher strategies apply the same rules in their WHERE block; the
// GRAPH strategy scores in TypeScript and needs them here): never an excluded id, an item the user saw
// (excludeSeen) or purchased (excludePurchased), an item outside the requested categories or price range.
import type { ItemId } from '../../domain/ids.ts';
import type { ItemFacts, RecsFilter, UserContext } from './types.ts';

/** Item ids the user may not be shown under this filter. */
export function excludedItems(user: UserContext, filter: RecsFilter): Set<ItemId> {
  const out = new Set<ItemId>(filter.excludeItemIds);
  for (const it of user.items) {
    if (filter.excludeSeen || (filter.excludePurchased && it.purchases > 0)) out.add(it.itemId);
  }
  return out;
}

/** Category and price rules (they need the item's facts). Items without a price fail any price bound. */
export function passesAttributes(item: ItemFacts, filter: RecsFilter): boolean {
  if (filter.categoryIds.length > 0 && !(item.categoryIds ?? []).some((c) => filter.categoryIds.includes(c))) return false;
  if (filter.minPrice !== null && !(item.price !== undefined && item.price >= filter.minPrice)) return false;
  if (filter.maxPrice !== null && !(item.price !== undefined && item.price <= filter.maxPrice)) return false;
  return true;
}

/** True when the attribute rules can drop something (so facts must be read before ranking is final). */
export const hasAttributeRules = (f: RecsFilter): boolean => f.categoryIds.length > 0 || f.minPrice !== null || f.maxPrice !== null;
