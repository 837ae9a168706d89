import { CONSENT_PROPERTY, PURPOSES } from '../domain/consent.ts';
import type { AggregateInteraction, Category, Item, ItemTag, SocialEdge, Tag, User } from '../domain/entities.ts';
import type { InteractionEvent } from '../domain/events.ts';
import { foldPairs } from './fold-pairs.ts';
import { cypher } from './cypher-files.ts';
import type { Executor } from './executor.ts';

/**
 * Batched writes for ingestion and the live path. Each call is one managed transaction running one
 * `UNWIND $rows` statement from cypher/ingest/; each returns how many rows created something new
 * (the rest were already there: duplicates). Safe to retry: every statement is idempotent by id.
 */
export class GraphWriter {
  constructor(private readonly executor: Executor) {}

  async users(users: readonly User[]): Promise<number> {
    return this.run('ingest/users', users.map((u) => ({ id: u.id, props: userProps(u) })));
  }

  async items(items: readonly Item[]): Promise<number> {
    return this.run('ingest/items', items.map((i) => ({
      id: i.id,
      props: itemProps(i),
      categoryIds: i.categoryIds ?? [],
      tagIds: i.tagIds ?? [],
    })));
  }

  async categories(categories: readonly Category[]): Promise<number> {
    return this.run('ingest/categories', categories.map((c) => ({ id: c.id, props: c.name !== undefined ? { name: c.name } : {} })));
  }

  async tags(tags: readonly Tag[]): Promise<number> {
    return this.run('ingest/tags', tags.map((t) => ({ id: t.id, props: t.name !== undefined ? { name: t.name } : {} })));
  }

  /**
   * Four statements in one transaction (so a retry re-runs all of them): skip ids already stored, ensure
   * the referenced users/items, create the events, fold them per (user, item) pair into INTERACTED.
   * Split this way no statement reads what it writes, so Neo4j plans no Eager barrier and no per-row MERGE.
   */
  async events(events: readonly InteractionEvent[]): Promise<number> {
    if (events.length === 0) return 0;
    return this.executor.writeTx(async (tx) => {
      const existing = await tx.run(cypher('ingest/events-existing'), { ids: events.map((e) => e.id) });
      const known = new Set(existing.map((r) => String(r['id'])));
      const fresh = events.filter((e) => !known.has(e.id));
      if (fresh.length === 0) return 0;
      await tx.run(cypher('ingest/ensure-nodes'), {
        userIds: [...new Set(fresh.map((e) => e.userId))],
        itemIds: [...new Set(fresh.map((e) => e.itemId))],
      });
      const rows = fresh.map((e) => ({ id: e.id, userId: e.userId, itemId: e.itemId, type: e.type, ts: e.ts, value: e.value ?? null }));
      const created = await tx.run(cypher('ingest/events-create'), { rows });
      await tx.run(cypher('ingest/interactions-fold'), { pairs: foldPairs(fresh) });
      return Number(created[0]?.['created'] ?? 0);
    }, 'ingest:events');
  }

  async aggregates(rows: readonly AggregateInteraction[]): Promise<number> {
    return this.run('ingest/aggregates', rows.map((r) => ({ userId: r.userId, itemId: r.itemId, count: r.count })));
  }

  async itemTags(rows: readonly ItemTag[]): Promise<number> {
    return this.run('ingest/item-tags', rows.map((r) => ({ itemId: r.itemId, tagId: r.tagId, count: r.count })));
  }

  async social(edges: readonly SocialEdge[]): Promise<number> {
    const friends = edges.filter((e) => e.kind === 'FRIEND').map((e) => ({ from: e.from, to: e.to, since: e.since ?? null }));
    const follows = edges.filter((e) => e.kind === 'FOLLOWS').map((e) => ({ from: e.from, to: e.to, since: e.since ?? null }));
    return (await this.run('ingest/friends', friends)) + (await this.run('ingest/follows', follows));
  }

  private async run(file: string, rows: readonly Record<string, unknown>[]): Promise<number> {
    if (rows.length === 0) return 0;
    const query = cypher(file);
    const res = await this.executor.writeTx((tx) => tx.run(query, { rows }), `ingest:${file}`);
    return Number(res[0]?.['created'] ?? 0);
  }
}

function userProps(u: User): Record<string, unknown> {
  const p: Record<string, unknown> = {};
  if (u.name !== undefined) p['name'] = u.name;
  if (u.age !== undefined) p['age'] = u.age;
  if (u.gender !== undefined) p['gender'] = u.gender;
  if (u.location !== undefined) p['location'] = u.location;
  for (const purpose of PURPOSES) {
    const flag = u.consent?.[purpose];
    if (flag !== undefined) p[CONSENT_PROPERTY[purpose]] = flag;
  }
  if (u.createdAt !== undefined) p['createdAt'] = u.createdAt;
  return p;
}

function itemProps(i: Item): Record<string, unknown> {
  const p: Record<string, unknown> = {};
  if (i.title !== undefined) p['title'] = i.title;
  if (i.price !== undefined) p['price'] = i.price;
  for (const [k, v] of Object.entries(i.attributes ?? {})) p[`attr_${k.replace(/[^A-Za-z0-9_]/g, '_')}`] = v;
  return p;
}
