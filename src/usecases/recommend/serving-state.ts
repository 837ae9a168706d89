// What an uncached recommendation page reads about users and items, held in memory so the page costs no
// database round trip (serving-state-cache.ts keeps it fresh). Each answer equals the Cypher it replaces on
// the same graph: `userContext` = recs/user-context.cypher (ties filtered by their own social consent, read
// here from their rows, so a consent change needs only the consenting user's row re-read), `entities` =
// recs/entities.cypher (popularity = number of INTERACTED edges into the item, maintained from the users'
// rows). Ids it does not hold are reported missing; the caller reads those from the database.
// Memory: one object per user, item and interaction (README "Limitations").
import type { Consent } from '../../domain/consent.ts';
import type { Category, Tag, User } from '../../domain/entities.ts';
import type { CategoryId, ItemId, TagId, UserId } from '../../domain/ids.ts';
import type { EntityIds, ItemFacts, PageEntities, UserContext } from './types.ts';

/** One user as the serving state holds it: attributes, interactions, ties before any consent filter. */
export interface ServedUser {
  readonly user: User;
  readonly items: UserContext['items'];
  /** FRIEND neighbours in either direction (a friendship is stored once), self loops included as stored. */
  readonly friends: readonly UserId[];
  /** Users this one FOLLOWS. */
  readonly following: readonly UserId[];
}

/** An item's own facts (no popularity: the state counts it). */
export type ServedItem = Omit<ItemFacts, 'popularity'>;

export class ServingState {
  readonly users = new Map<UserId, ServedUser>();
  private readonly items = new Map<ItemId, ServedItem>();
  /** INTERACTED edges into each item (entities.cypher's popularity), kept equal to the users' rows. */
  private readonly popularity = new Map<ItemId, number>();
  /**
   * item()'s answers, built once per item until the item or its popularity changes: copying an item's
   * facts for every page was 3 % of an uncached page's CPU (bench:recs profile). Shared, so never mutated.
   */
  private readonly facts = new Map<ItemId, ItemFacts>();
  readonly categories = new Map<CategoryId, Category>();
  readonly tags = new Map<TagId, Tag>();

  constructor(readonly loadedAt: number) {}

  /** Adds or replaces a user (a re-read after a write), keeping the popularity counts exact. */
  putUser(u: ServedUser): void {
    this.removeUser(u.user.id);
    this.users.set(u.user.id, u);
    for (const it of u.items) this.countInteraction(it.itemId, 1);
  }

  /** A user re-read after a write who no longer exists. */
  removeUser(id: UserId): void {
    const old = this.users.get(id);
    if (old === undefined) return;
    for (const it of old.items) this.countInteraction(it.itemId, -1);
    this.users.delete(id);
  }

  putItem(i: ServedItem): void {
    this.items.set(i.id, i);
    this.facts.delete(i.id);
  }

  removeItem(id: ItemId): void {
    this.items.delete(id);
    this.facts.delete(id);
  }

  item(id: ItemId): ItemFacts | undefined {
    let f = this.facts.get(id);
    if (f !== undefined) return f;
    const i = this.items.get(id);
    if (i === undefined) return undefined;
    f = { ...i, popularity: this.popularity.get(id) ?? 0 };
    this.facts.set(id, f);
    return f;
  }

  private countInteraction(id: ItemId, delta: 1 | -1): void {
    this.popularity.set(id, (this.popularity.get(id) ?? (delta < 0 ? 1 : 0)) + delta);
    this.facts.delete(id);
  }

  /** Whether a user may be used and shown as a tie (their social consent, or the default). */
  socialOk(id: UserId, defaults: Consent): boolean {
    const u = this.users.get(id);
    return u !== undefined && (u.user.consent?.social ?? defaults.social);
  }

  /** recs/user-context.cypher in memory; null when the user does not exist. */
  userContext(userId: UserId, defaults: Consent): UserContext | null {
    const u = this.users.get(userId);
    if (u === undefined) return null;
    const keep = (f: UserId) => f !== userId && this.socialOk(f, defaults);
    return {
      userId,
      personalisation: u.user.consent?.personalisation ?? defaults.personalisation,
      items: u.items,
      friends: u.friends.filter(keep),
      following: u.following.filter(keep),
    };
  }

  /**
   * recs/entities.cypher in memory: the items, their categories and tags plus those named, the users named.
   * `missing`: the ids this state does not hold (the caller reads them from the database and merges).
   */
  entities(ids: EntityIds): { entities: PageEntities; missing: EntityIds } {
    // Plain loops, no intermediate arrays: this runs for every uncached page (bench:recs profile).
    const items = new Map<ItemId, ItemFacts>();
    const categoryIds = new Set<CategoryId>();
    const tagIds = new Set<TagId>();
    const missing = { itemIds: [] as ItemId[], categoryIds: [] as CategoryId[], tagIds: [] as TagId[], userIds: [] as UserId[] };
    for (const id of ids.itemIds) {
      if (items.has(id)) continue;
      const i = this.item(id);
      if (i === undefined) {
        if (!missing.itemIds.includes(id)) missing.itemIds.push(id);
        continue;
      }
      items.set(id, i);
      if (i.categoryIds !== undefined) for (const c of i.categoryIds) categoryIds.add(c);
      if (i.tagIds !== undefined) for (const t of i.tagIds) tagIds.add(t);
    }
    for (const c of ids.categoryIds) categoryIds.add(c);
    for (const t of ids.tagIds) tagIds.add(t);
    const categories = pick(categoryIds, this.categories, missing.categoryIds);
    const tags = pick(tagIds, this.tags, missing.tagIds);
    const users: User[] = [];
    for (const id of new Set(ids.userIds)) {
      const u = this.users.get(id);
      if (u === undefined) missing.userIds.push(id);
      else users.push(u.user);
    }
    return { entities: { items, categories, tags, users }, missing };
  }
}

/** The values of `keys` in `from`, in key order; the keys it lacks appended to `miss`. */
function pick<K, V>(keys: Iterable<K>, from: ReadonlyMap<K, V>, miss: K[]): V[] {
  const out: V[] = [];
  for (const k of keys) {
    const v = from.get(k);
    if (v === undefined) miss.push(k);
    else out.push(v);
  }
  return out;
}

/** True when nothing is missing. */
export const nothingMissing = (m: EntityIds): boolean =>
  m.itemIds.length === 0 && m.categoryIds.length === 0 && m.tagIds.length === 0 && m.userIds.length === 0;

/** The entities of `a` plus those read for its missing ids. */
export function mergeEntities(a: PageEntities, b: PageEntities): PageEntities {
  return {
    items: new Map([...a.items, ...b.items]),
    categories: [...a.categories, ...b.categories],
    tags: [...a.tags, ...b.tags],
    users: [...a.users, ...b.users],
  };
}
