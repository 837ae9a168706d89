import type { Category, Item, Tag, User } from '../domain/entities.ts';
import type { CategoryId, ItemId, TagId, UserId } from '../domain/ids.ts';
import { cypher } from './cypher-files.ts';
import { userFromRow } from './user-record.ts';
import type { Executor, Row } from './executor.ts';

/** An item as the API shows it: the entity plus how many distinct users interacted with it. */
export type ItemView = Item & { readonly popularity: number };

/**
 * Reads users, items, categories and tags. Every `findByIds` keeps key order and returns null for
 * missing keys, exactly what a DataLoader batch function must return.
 */
export class CatalogStore {
  constructor(private readonly executor: Executor) {}

  async usersByIds(ids: readonly UserId[]): Promise<(User | null)[]> {
    const rows = await this.executor.read(cypher('api/users-by-ids'), { ids: [...new Set(ids)] });
    return inKeyOrder(ids, rows, 'user', userFromRow);
  }

  async itemsByIds(ids: readonly ItemId[]): Promise<(ItemView | null)[]> {
    const rows = await this.executor.read(cypher('api/items-by-ids'), { ids: [...new Set(ids)] });
    return inKeyOrder(ids, rows, 'item', (i) => stripNulls(i) as unknown as ItemView);
  }

  /** id -> name for the categories that have a name (labels in cluster descriptions). */
  async categoryNames(ids: readonly string[]): Promise<Map<string, string>> {
    const cats = await this.categoriesByIds(ids.map((id) => id as CategoryId));
    return new Map(cats.flatMap((c) => (c?.name !== undefined ? [[c.id as string, c.name] as [string, string]] : [])));
  }

  async categoriesByIds(ids: readonly CategoryId[]): Promise<(Category | null)[]> {
    const rows = await this.executor.read(cypher('api/categories-by-ids'), { ids: [...new Set(ids)] });
    return inKeyOrder(ids, rows, 'category', (c) => stripNulls(c) as unknown as Category);
  }

  async tagsByIds(ids: readonly TagId[]): Promise<(Tag | null)[]> {
    const rows = await this.executor.read(cypher('api/tags-by-ids'), { ids: [...new Set(ids)] });
    return inKeyOrder(ids, rows, 'tag', (t) => stripNulls(t) as unknown as Tag);
  }

  /** Ids after the cursor id, in id order; asks for one more than `first` to know if a next page exists. */
  async userIdsPage(after: string, first: number): Promise<UserId[]> {
    const rows = await this.executor.read(cypher('api/users-page'), { after, first });
    return rows.map((r) => String(r['id']) as UserId);
  }

  async itemIdsPage(after: string, first: number, categoryId: CategoryId | null): Promise<ItemId[]> {
    const rows = await this.executor.read(cypher('api/items-page'), { after, first, categoryId });
    return rows.map((r) => String(r['id']) as ItemId);
  }

  async totals(categoryId: CategoryId | null): Promise<{ users: number; items: number }> {
    const rows = await this.executor.read(cypher('api/count-label'), { categoryId });
    const get = (label: string): number => Number(rows.find((r) => r['label'] === label)?.['n'] ?? 0);
    return { users: get('User'), items: get('Item') };
  }
}

/** Maps rows (each holding a map under `field` with an `id`) back onto the requested keys. */
export function inKeyOrder<K extends string, V>(
  keys: readonly K[],
  rows: readonly Row[],
  field: string,
  map: (value: Record<string, unknown>) => V,
): (V | null)[] {
  const byId = new Map<string, V>();
  for (const row of rows) {
    const value = row[field] as Record<string, unknown> | undefined;
    if (value !== undefined) byId.set(String(value['id']), map(value));
  }
  return keys.map((k) => byId.get(k) ?? null);
}

/** Absent optional properties come back as null from map projections; the domain uses undefined. */
function stripNulls(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== null) out[k] = v;
  return out;
}
