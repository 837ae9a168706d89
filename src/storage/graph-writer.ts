import { CONSENT_PROPERTY, PURPOSES } from '../domain/consent.ts';
import type { AggregateInteraction, Category, Item, ItemTag, SocialEdge, Tag, User } from '../domain/entities.ts';
import { isAppError, notFound } from '../domain/errors.ts';
import type { InteractionEvent } from '../domain/events.ts';
import { attributionProperties } from './event-store.ts';
import { foldPairs, foldUserCounters } from './fold-pairs.ts';
import { cypher } from './cypher-files.ts';
import type { Executor, Tx } from './executor.ts';

export interface GraphWriterOptions {
  /**
   * Events and social edges naming a user or item that is not stored: `create` a bare node (batch loads,
   * where events may precede their users; the live path with GREC_AUTO_CREATE=true) or `reject` the write
   * with NOT_FOUND, writing nothing (the live default: a typo or a forged id must not become a user).
   */
  readonly missingRefs: 'create' | 'reject';
}

/**
 * What a batch load writes through: the store (GraphWriter) or the in-memory graph of a bulk import
 * (storage/bulk/bulk-graph.ts). Each call returns how many rows created something new.
 */
export type BatchWriter = Pick<GraphWriter, 'users' | 'items' | 'categories' | 'tags' | 'events' | 'aggregates' | 'itemTags' | 'social' | 'bareNodesCreated'>;

/**
 * Batched writes for ingestion and the live path. Each call is one managed transaction running one
 * `UNWIND $rows` statement from cypher/ingest/; each returns how many rows created something new
 * (the rest were already there: duplicates). Safe to retry: every statement is idempotent by id.
 */
export class GraphWriter {
  /** Bare users and items this writer created (missingRefs 'create'), counted after each commit. */
  private readonly bare = { users: 0, items: 0 };

  constructor(
    private readonly executor: Executor,
    private readonly opts: GraphWriterOptions = { missingRefs: 'create' },
  ) {}

  /**
   * How many users and items this writer has created only because an event, aggregate, item tag or social
   * edge named them (no record of their own was stored first): the load report shows them. Counted from
   * the ids missing when the creating transaction looked (cypher/ingest/missing-nodes.cypher); a node a
   * concurrent writer created in between may be counted by both.
   */
  bareNodesCreated(): { users: number; items: number } {
    return { ...this.bare };
  }

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
   * Five statements in one transaction (so a retry re-runs all of them): skip ids already stored, ensure
   * the referenced users/items, create the events, fold them per (user, item) pair into INTERACTED and
   * per user into the profile counters (so profiles stay current without a recompute).
   * Split this way no statement reads what it writes, so Neo4j plans no Eager barrier and no per-row MERGE.
   */
  async events(events: readonly InteractionEvent[]): Promise<number> {
    if (events.length === 0) return 0;
    // Two writers racing on one new event id (a client retrying while its first request is still running)
    // both pass step 1; the second CREATE then fails on the event_id constraint. Neo4j checks uniqueness
    // under the index entry's lock, so by the time it fails the other transaction has committed: running
    // the batch again finds that event in step 1, skips it and reports it as a duplicate, exactly as a
    // later retry would. Retries are therefore indistinguishable from each other, however they interleave.
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.writeEvents(events);
      } catch (err) {
        if (attempt >= EVENT_ID_RACE_ATTEMPTS || !isEventIdConflict(err)) throw err;
      }
    }
  }

  private async writeEvents(events: readonly InteractionEvent[]): Promise<number> {
    return this.executor.writeTx(async (tx) => {
      const existing = await tx.run(cypher('ingest/events-existing'), { ids: events.map((e) => e.id) });
      const known = new Set(existing.map((r) => String(r['id'])));
      const fresh = events.filter((e) => !known.has(e.id));
      if (fresh.length === 0) return { created: 0, bare: NO_BARE };
      const refs = { userIds: [...new Set(fresh.map((e) => e.userId))], itemIds: [...new Set(fresh.map((e) => e.itemId))] };
      let bare: Readonly<{ users: number; items: number }> = NO_BARE;
      if (this.opts.missingRefs === 'reject') await rejectMissing(tx, refs);
      else {
        bare = await missingCounts(tx, refs);
        await tx.run(cypher('ingest/ensure-nodes'), refs);
      }
      // Only attributed events (the live path) carry an `attribution` map; batch loads send rows as before.
      const rows = fresh.map((e) => ({
        id: e.id, userId: e.userId, itemId: e.itemId, type: e.type, ts: e.ts, value: e.value ?? null, quantity: e.quantity ?? null,
        ...(e.attribution !== undefined ? { attribution: attributionProperties(e.attribution) } : {}),
      }));
      const created = await tx.run(cypher('ingest/events-create'), { rows });
      await tx.run(cypher('ingest/interactions-fold'), { pairs: foldPairs(fresh) });
      await tx.run(cypher('customers/profile-counters'), { users: foldUserCounters(fresh) });
      return { created: Number(created[0]?.['created'] ?? 0), bare };
    }, 'ingest:events').then((r) => this.counted(r));
  }

  async aggregates(rows: readonly AggregateInteraction[]): Promise<number> {
    const refs = { userIds: unique(rows.map((r) => r.userId)), itemIds: unique(rows.map((r) => r.itemId)) };
    return this.run('ingest/aggregates', rows.map((r) => ({ userId: r.userId, itemId: r.itemId, count: r.count })), refs);
  }

  async itemTags(rows: readonly ItemTag[]): Promise<number> {
    const refs = { userIds: [], itemIds: unique(rows.map((r) => r.itemId)) };
    return this.run('ingest/item-tags', rows.map((r) => ({ itemId: r.itemId, tagId: r.tagId, count: r.count })), refs);
  }

  async social(edges: readonly SocialEdge[]): Promise<number> {
    const friends = edges.filter((e) => e.kind === 'FRIEND').map((e) => ({ from: e.from, to: e.to, since: e.since ?? null }));
    const follows = edges.filter((e) => e.kind === 'FOLLOWS').map((e) => ({ from: e.from, to: e.to, since: e.since ?? null }));
    if (this.opts.missingRefs === 'create') {
      const ends = (rows: typeof friends) => ({ userIds: unique(rows.flatMap((r) => [r.from, r.to])), itemIds: [] });
      return (await this.run('ingest/friends', friends, ends(friends))) + (await this.run('ingest/follows', follows, ends(follows)));
    }
    if (edges.length === 0) return 0;
    // Checked in the same transaction as the MERGEs, so the edge is written only between stored users.
    return this.executor.writeTx(async (tx) => {
      await rejectMissing(tx, { userIds: [...new Set(edges.flatMap((e) => [e.from, e.to]))], itemIds: [] });
      let created = 0;
      for (const [file, rows] of [['ingest/friends', friends], ['ingest/follows', follows]] as const) {
        if (rows.length > 0) created += Number((await tx.run(cypher(file), { rows }))[0]?.['created'] ?? 0);
      }
      return created;
    }, 'live:social');
  }

  /** One statement in one transaction; with `refs`, the ids among them not yet stored are counted first (its MERGEs create them). */
  private async run(file: string, rows: readonly Record<string, unknown>[], refs?: Refs): Promise<number> {
    if (rows.length === 0) return 0;
    const query = cypher(file);
    return this.counted(await this.executor.writeTx(async (tx) => {
      const bare = refs === undefined ? NO_BARE : await missingCounts(tx, refs);
      const res = await tx.run(query, { rows });
      return { created: Number(res[0]?.['created'] ?? 0), bare };
    }, `ingest:${file}`));
  }

  /** Adds a committed transaction's bare nodes (never inside it: a retried transaction would count twice). */
  private counted(r: { created: number; bare: { users: number; items: number } }): number {
    this.bare.users += r.bare.users;
    this.bare.items += r.bare.items;
    return r.created;
  }
}

interface Refs {
  readonly userIds: readonly string[];
  readonly itemIds: readonly string[];
}

const NO_BARE: Readonly<{ users: number; items: number }> = { users: 0, items: 0 };

const unique = (ids: readonly string[]): string[] => [...new Set(ids)];

/** How many of the ids a write names are not stored yet (the bare nodes its MERGEs are about to create). */
async function missingCounts(tx: Tx, refs: Refs): Promise<{ users: number; items: number }> {
  const [row] = await tx.run(cypher('ingest/missing-nodes'), { userIds: [...refs.userIds], itemIds: [...refs.itemIds] });
  return { users: ((row?.['missingUsers'] ?? []) as unknown[]).length, items: ((row?.['missingItems'] ?? []) as unknown[]).length };
}

/** One race per concurrent writer of the same ids is possible; a few attempts cover any realistic burst. */
const EVENT_ID_RACE_ATTEMPTS = 5;

function isEventIdConflict(err: unknown): boolean {
  return isAppError(err) && err.code === 'CONFLICT' && err.details['label'] === 'Event' && err.details['property'] === 'id';
}

/** NOT_FOUND naming the first user (or item) of the write that is not stored; the transaction rolls back. */
async function rejectMissing(tx: Tx, refs: { userIds: readonly string[]; itemIds: readonly string[] }): Promise<void> {
  const [row] = await tx.run(cypher('ingest/missing-nodes'), refs);
  const users = (row?.['missingUsers'] ?? []) as string[];
  const items = (row?.['missingItems'] ?? []) as string[];
  if (users[0] !== undefined) throw notFound('User', users[0]);
  if (items[0] !== undefined) throw notFound('Item', items[0]);
}

export function userProps(u: User): Record<string, unknown> {
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

export function itemProps(i: Item): Record<string, unknown> {
  const p: Record<string, unknown> = {};
  if (i.title !== undefined) p['title'] = i.title;
  if (i.price !== undefined) p['price'] = i.price;
  for (const [k, v] of Object.entries(i.attributes ?? {})) p[`attr_${k.replace(/[^A-Za-z0-9_]/g, '_')}`] = v;
  return p;
}
