import type { Consent } from '../domain/consent.ts';
import type { Category, Tag } from '../domain/entities.ts';
import type { CategoryId, ItemId, TagId, UserId } from '../domain/ids.ts';
import type { Candidate, EntityIds, ItemFacts, PageEntities, PersonSuggestion, RecsFilter, UserContext } from '../usecases/recommend/types.ts';
import type { ItemFeatureRow } from '../usecases/recommend/content-index.ts';
import type { ServedItem, ServedUser } from '../usecases/recommend/serving-state.ts';
import { cypher } from './cypher-files.ts';
import { userFromRow } from './user-record.ts';
import type { Executor, Row } from './executor.ts';

/** Parameters of the Cypher strategies besides the filter: exactly the `:param` lines of each file. */
export type StrategyParams = Readonly<Record<string, number | boolean | string | null | Readonly<Record<string, boolean>>>>;

/**
 * Runs the files of cypher/recs/ (one round trip each) and maps their rows to candidates with reasons.
 * The filter block every strategy file shares gets its parameters from `filterParams`.
 */
export class RecsStore {
  constructor(private readonly executor: Executor) {}

  async userContext(userId: UserId, consentDefaults: Consent): Promise<UserContext | null> {
    const [row] = await this.executor.read(cypher('recs/user-context'), { userId, consentDefaults: { ...consentDefaults } });
    if (row === undefined) return null;
    const items = (row['items'] as Row[]).map((i) => ({
      itemId: String(i['itemId']) as ItemId,
      weight: Number(i['weight'] ?? 0),
      purchases: Number(i['purchases'] ?? 0),
      lastTs: i['lastTs'] == null ? null : Number(i['lastTs']),
    }));
    return { userId, personalisation: row['personalisation'] !== false, items, friends: ids<UserId>(row['friends']), following: ids<UserId>(row['following']) };
  }

  /** The latest event time, null in a store without events (demand/last-event: one index lookup). */
  async latestEventTs(): Promise<number | null> {
    const [r] = await this.executor.read(cypher('demand/last-event'));
    const v = r?.['lastTs'];
    return v === null || v === undefined ? null : Number(v);
  }

  /** userId null: the global ranking (no exclusions of a user). */
  async popular(userId: UserId | null, filter: RecsFilter, p: StrategyParams, limit: number): Promise<Candidate[]> {
    const rows = await this.run('recs/popular', userId, filter, p, limit);
    return rows.map((r) => ({
      itemId: String(r['id']) as ItemId,
      score: Number(r['score']),
      reason: { kind: 'POPULAR', categoryId: r['categoryId'] == null ? null : (String(r['categoryId']) as CategoryId), interactions: Number(r['interactions']), trending: false },
    }));
  }

  async trending(userId: UserId, filter: RecsFilter, p: StrategyParams, limit: number): Promise<Candidate[]> {
    const rows = await this.run('recs/trending', userId, filter, p, limit);
    return rows.map((r) => ({
      itemId: String(r['id']) as ItemId,
      score: Number(r['score']),
      reason: { kind: 'POPULAR', categoryId: null, interactions: Number(r['events']), trending: true },
    }));
  }

  async itemCf(userId: UserId, filter: RecsFilter, p: StrategyParams, limit: number): Promise<Candidate[]> {
    const rows = await this.run('recs/item-cf', userId, filter, p, limit);
    return rows.map((r) => ({ itemId: String(r['id']) as ItemId, score: Number(r['score']), reason: { kind: 'SIMILAR_TO_ITEMS', itemIds: ids<ItemId>(r['via']) } }));
  }

  async userCf(userId: UserId, filter: RecsFilter, p: StrategyParams, limit: number): Promise<Candidate[]> {
    const rows = await this.run('recs/user-cf', userId, filter, p, limit);
    return rows.map((r) => ({
      itemId: String(r['id']) as ItemId,
      score: Number(r['score']),
      reason: { kind: 'SIMILAR_USERS', userIds: ids<UserId>(r['users']), count: Number(r['neighbours']) },
    }));
  }

  async content(userId: UserId, filter: RecsFilter, p: StrategyParams, limit: number): Promise<Candidate[]> {
    const rows = await this.run('recs/content', userId, filter, p, limit);
    return rows.map((r) => {
      const features = ids<string>(r['features']);
      return {
        itemId: String(r['id']) as ItemId,
        score: Number(r['score']),
        reason: {
          kind: 'SHARED_ATTRIBUTES',
          categoryIds: features.filter((f) => f.startsWith('c:')).map((f) => f.slice(2) as CategoryId),
          tagIds: features.filter((f) => f.startsWith('t:')).map((f) => f.slice(2) as TagId),
        },
      };
    });
  }

  async social(userId: UserId, filter: RecsFilter, p: StrategyParams, limit: number): Promise<Candidate[]> {
    const rows = await this.run('recs/social', userId, filter, p, limit);
    return rows.map((r) => ({
      itemId: String(r['id']) as ItemId,
      score: Number(r['score']),
      reason: { kind: 'FRIENDS_LIKED', friendIds: ids<UserId>(r['friends']), count: Number(r['count']), buyers: Number(r['buyers']) },
    }));
  }

  async similarItems(itemId: ItemId, limit: number, p: StrategyParams): Promise<Candidate[]> {
    const rows = await this.executor.read(cypher('recs/similar-items'), { ...p, itemId, limit });
    return rows.map((r) => ({ itemId: String(r['id']) as ItemId, score: Number(r['score']), reason: { kind: 'CO_INTERACTED', itemIds: [itemId], count: Number(r['coUsers']) } }));
  }

  async peopleYouMayKnow(userId: UserId, p: StrategyParams, limit: number): Promise<PersonSuggestion[]> {
    const rows = await this.executor.read(cypher('recs/people-you-may-know'), { ...p, userId, limit });
    return rows.map((r) => {
      const mutualFriends = Number(r['mutualFriends']);
      const sharedItems = Number(r['sharedItems']);
      return {
        userId: String(r['id']) as UserId,
        score: Number(r['score']),
        mutualFriends,
        sharedItems,
        reasons: [
          ...(mutualFriends > 0 ? [{ kind: 'MUTUAL_FRIENDS' as const, friendIds: ids<UserId>(r['mutualIds']), count: mutualFriends }] : []),
          ...(sharedItems > 0 ? [{ kind: 'SHARED_ITEMS' as const, itemIds: ids<ItemId>(r['sharedItemIds']), count: sharedItems }] : []),
        ],
      };
    });
  }

  /** Every item's categories, tags and positive-user count: the in-memory CONTENT index's input. */
  async itemFeatureRows(): Promise<ItemFeatureRow[]> {
    const rows = await this.executor.read(cypher('recs/item-features'));
    return rows.map((r) => ({
      id: String(r['id']) as ItemId,
      categoryIds: ids<CategoryId>(r['categoryIds']),
      tagIds: ids<TagId>(r['tagIds']),
      positiveUsers: Number(r['positiveUsers'] ?? 0),
    }));
  }

  /** Items by id with categories, tags, price and popularity; missing ids are absent from the map. */
  async itemFacts(itemIds: readonly ItemId[]): Promise<Map<ItemId, ItemFacts>> {
    const out = new Map<ItemId, ItemFacts>();
    if (itemIds.length === 0) return out;
    const rows = await this.executor.read(cypher('recs/item-facts'), { ids: [...new Set(itemIds)] });
    for (const r of rows) {
      const i = stripNulls(r['item'] as Row);
      out.set(String(i['id']) as ItemId, i as unknown as ItemFacts);
    }
    return out;
  }

  /** One round trip for everything a page shows (items, their and the reasons' categories and tags, users). */
  async entities(ids: EntityIds): Promise<PageEntities> {
    const [row] = await this.executor.read(cypher('recs/entities'), {
      itemIds: [...new Set(ids.itemIds)], categoryIds: [...new Set(ids.categoryIds)], tagIds: [...new Set(ids.tagIds)], userIds: [...new Set(ids.userIds)],
    });
    const list = (k: string) => ((row?.[k] ?? []) as Row[]).map(stripNulls);
    const items = new Map<ItemId, ItemFacts>();
    for (const i of list('items')) items.set(String(i['id']) as ItemId, i as unknown as ItemFacts);
    return {
      items,
      categories: list('categories') as unknown as Category[],
      tags: list('tags') as unknown as Tag[],
      users: ((row?.['users'] ?? []) as Row[]).map(userFromRow),
    };
  }

  /** The serving state's users (cypher/recs/serving-users*.cypher); `ids` null: every user. */
  async servingUsers(only: readonly UserId[] | null): Promise<ServedUser[]> {
    const rows = only === null ? await this.executor.read(cypher('recs/serving-users')) : await this.executor.read(cypher('recs/serving-users-by-ids'), { ids: [...new Set(only)] });
    return rows.map((r) => ({
      user: userFromRow(r['user'] as Row),
      items: (r['items'] as Row[]).map((i) => ({
        itemId: String(i['itemId']) as ItemId,
        weight: Number(i['weight'] ?? 0),
        purchases: Number(i['purchases'] ?? 0),
        lastTs: i['lastTs'] == null ? null : Number(i['lastTs']),
      })),
      friends: ids<UserId>(r['friends']),
      following: ids<UserId>(r['following']),
    }));
  }

  /** The serving state's items without popularity; `ids` null: every item. */
  async servingItems(only: readonly ItemId[] | null): Promise<ServedItem[]> {
    const rows = only === null ? await this.executor.read(cypher('recs/serving-items')) : await this.executor.read(cypher('recs/serving-items-by-ids'), { ids: [...new Set(only)] });
    return rows.map((r) => stripNulls(r['item'] as Row) as unknown as ServedItem);
  }

  /** Every category and tag with its name. */
  async servingVocabulary(): Promise<{ categories: Category[]; tags: Tag[] }> {
    const [row] = await this.executor.read(cypher('recs/serving-vocabulary'));
    const list = (k: string) => ((row?.[k] ?? []) as Row[]).map(stripNulls);
    return { categories: list('categories') as unknown as Category[], tags: list('tags') as unknown as Tag[] };
  }

  private run(file: string, userId: UserId | null, filter: RecsFilter, p: StrategyParams, limit: number): Promise<Row[]> {
    return this.executor.read(cypher(file), { ...p, ...filterParams(filter), userId, limit });
  }
}

/** The shared filter block's parameters. */
export function filterParams(f: RecsFilter): Record<string, unknown> {
  return {
    excludeSeen: f.excludeSeen,
    excludePurchased: f.excludePurchased,
    excludeItemIds: [...f.excludeItemIds],
    categoryIds: [...f.categoryIds],
    minPrice: f.minPrice,
    maxPrice: f.maxPrice,
  };
}

/** Absent optional properties come back as null from map projections; the domain uses undefined. */
function stripNulls(o: Row): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(o)) if (v !== null) out[k] = v;
  return out;
}

function ids<T extends string>(v: unknown): T[] {
  return Array.isArray(v) ? v.map((x) => String(x) as T) : [];
}
