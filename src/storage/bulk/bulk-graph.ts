import type { AggregateInteraction, Category, Item, ItemTag, SocialEdge, Tag, User } from '../../domain/entities.ts';
import type { InteractionEvent } from '../../domain/events.ts';
import { foldPairs, foldUserCounters } from '../fold-pairs.ts';
import { itemProps, userProps, type BatchWriter } from '../graph-writer.ts';

/**
 * A value computed as a Cypher float that may hold an integer (0.0 + 9 is 9.0, stored as a double).
 * Plain JS numbers follow the driver parameter rule of storage/values.ts: safe integers are longs, the rest doubles.
 */
export class Dbl {
  constructor(readonly v: number) {}
}
export type Value = string | boolean | number | Dbl;
export type Props = Map<string, Value>;

export type NodeLabel = 'User' | 'Item' | 'Category' | 'Tag';

export interface Rel {
  readonly start: string;
  readonly end: string;
  readonly props: Props;
}

/**
 * Where a BulkGraph puts its events. Events are most of a load and never change once recorded, so
 * storage/bulk/import-files.ts writes each one to the import files as it arrives (reading and writing
 * overlap, and a million events are never held in memory); without a sink the graph keeps them.
 */
export interface EventSink {
  add(event: InteractionEvent): void;
}

/** The per-type event counters the fold adds up, on INTERACTED and on the user. */
const COUNTERS = ['views', 'favourites', 'carts', 'purchases', 'cancels', 'ratings'] as const;

const num = (v: Value | undefined): number => (v === undefined ? 0 : v instanceof Dbl ? v.v : typeof v === 'number' ? v : 0);

/**
 * The graph a batch load would write, built in memory by replaying the batched path's statements
 * (cypher/ingest/*.cypher and customers/profile-counters.cypher) batch by batch, in the same order.
 * `ingestSource` drives it exactly like a GraphWriter, so the rejection rules, the de-duplication and the
 * report's written/duplicate counts are the same code; storage/bulk/import-files.ts then writes it as
 * files for Neo4j's bulk importer. Only valid for an empty store (nothing pre-exists).
 */
export class BulkGraph implements BatchWriter {
  readonly nodes: Record<NodeLabel, Map<string, Props>> = { User: new Map(), Item: new Map(), Category: new Map(), Tag: new Map() };
  readonly inCategory = new Map<string, Rel>();
  readonly hasTag = new Map<string, Rel>();
  readonly interacted = new Map<string, Rel>();
  /** FRIEND keyed by the unordered pair (the MERGE is undirected), FOLLOWS by the ordered one. */
  readonly friends = new Map<string, Rel>();
  readonly follows = new Map<string, Rel>();
  /** The events recorded, in order, when no sink streams them out. */
  readonly heldEvents: InteractionEvent[] = [];
  private readonly eventIds = new Set<string>();
  /** Users and items created only because an event, aggregate, tag link or social edge named them (GraphWriter counts the same). */
  private readonly bare = { users: 0, items: 0 };
  /** While a record's own upsert runs, a new node is not bare. */
  private upserting = false;

  constructor(private readonly eventSink?: EventSink) {}

  async users(users: readonly User[]): Promise<number> {
    return this.upsert('User', users.map((u) => [u.id, userProps(u)]));
  }

  async items(items: readonly Item[]): Promise<number> {
    let created = 0;
    for (const i of items) {
      created += this.upsert('Item', [[i.id, itemProps(i)]]);
      for (const c of i.categoryIds ?? []) {
        this.merge('Category', c);
        if (!this.inCategory.has(pair(i.id, c))) this.inCategory.set(pair(i.id, c), { start: i.id, end: c, props: new Map() });
      }
      for (const t of i.tagIds ?? []) {
        this.merge('Tag', t);
        if (!this.hasTag.has(pair(i.id, t))) this.hasTag.set(pair(i.id, t), { start: i.id, end: t, props: new Map() });
      }
    }
    return created;
  }

  async categories(categories: readonly Category[]): Promise<number> {
    return this.upsert('Category', categories.map((c) => [c.id, c.name !== undefined ? { name: c.name } : {}]));
  }

  async tags(tags: readonly Tag[]): Promise<number> {
    return this.upsert('Tag', tags.map((t) => [t.id, t.name !== undefined ? { name: t.name } : {}]));
  }

  /** events-existing, ensure-nodes, events-create, interactions-fold, profile-counters: one batch. */
  async events(events: readonly InteractionEvent[]): Promise<number> {
    const fresh = events.filter((e) => !this.eventIds.has(e.id));
    if (fresh.length === 0) return 0;
    for (const e of fresh) {
      this.merge('User', e.userId);
      this.merge('Item', e.itemId);
    }
    for (const e of fresh) {
      this.eventIds.add(e.id);
      if (this.eventSink !== undefined) this.eventSink.add(e);
      else this.heldEvents.push(e);
    }
    for (const p of foldPairs(fresh)) {
      const key = pair(p.userId, p.itemId);
      let r = this.interacted.get(key);
      if (r === undefined) this.interacted.set(key, (r = { start: p.userId, end: p.itemId, props: new Map() }));
      const q = r.props;
      for (const k of COUNTERS) q.set(k, addLong(q.get(k), p[k]));
      q.set('ratingSum', new Dbl(num(q.get('ratingSum')) + p.ratingSum));
      q.set('weight', new Dbl(num(q.get('weight')) + p.weight));
      const first = q.get('firstTs');
      if (first === undefined || p.firstTs < num(first)) q.set('firstTs', p.firstTs);
      const last = q.get('lastTs');
      if (last === undefined || p.lastTs > num(last)) q.set('lastTs', p.lastTs);
    }
    for (const d of foldUserCounters(fresh)) {
      const u = this.nodes.User.get(d.userId) as Props;
      let spend = 0;
      let unpriced = 0;
      for (const line of d.purchaseLines) {
        const s = line.value ?? this.nodes.Item.get(line.itemId)?.get('price');
        if (s === undefined) unpriced++;
        else spend += num(s);
      }
      for (const k of COUNTERS) u.set(k, addLong(u.get(k), d[k]));
      u.set('monetary', new Dbl(num(u.get('monetary')) + spend));
      u.set('unpricedPurchases', addLong(u.get('unpricedPurchases'), unpriced));
      const first = u.get('firstActivityTs');
      if (first === undefined || d.firstTs < num(first)) u.set('firstActivityTs', d.firstTs);
      const last = u.get('lastActivityTs');
      if (last === undefined || d.lastTs > num(last)) u.set('lastActivityTs', d.lastTs);
      const lp = u.get('lastPurchaseTs');
      if (d.lastPurchaseTs !== null && (lp === undefined || d.lastPurchaseTs > num(lp))) u.set('lastPurchaseTs', d.lastPurchaseTs);
    }
    return fresh.length;
  }

  async aggregates(rows: readonly AggregateInteraction[]): Promise<number> {
    let created = 0;
    for (const row of rows) {
      this.merge('User', row.userId);
      this.merge('Item', row.itemId);
      const key = pair(row.userId, row.itemId);
      let r = this.interacted.get(key);
      if (r === undefined) {
        created++;
        r = { start: row.userId, end: row.itemId, props: new Map<string, Value>([
          ['views', 0], ['favourites', 0], ['carts', 0], ['purchases', 0], ['cancels', 0], ['ratings', 0], ['ratingSum', new Dbl(0)],
        ]) };
        this.interacted.set(key, r);
      }
      r.props.set('plays', row.count);
      r.props.set('weight', new Dbl(Math.log(1 + row.count)));
    }
    return created;
  }

  async itemTags(rows: readonly ItemTag[]): Promise<number> {
    let created = 0;
    for (const row of rows) {
      this.merge('Item', row.itemId);
      this.merge('Tag', row.tagId);
      const key = pair(row.itemId, row.tagId);
      let r = this.hasTag.get(key);
      if (r === undefined) {
        created++;
        this.hasTag.set(key, (r = { start: row.itemId, end: row.tagId, props: new Map() }));
      }
      r.props.set('count', row.count);
    }
    return created;
  }

  async social(edges: readonly SocialEdge[]): Promise<number> {
    let created = 0;
    // friends.cypher runs before follows.cypher, as in GraphWriter.social.
    for (const kind of ['FRIEND', 'FOLLOWS'] as const) {
      for (const e of edges) {
        if (e.kind !== kind) continue;
        this.merge('User', e.from);
        this.merge('User', e.to);
        const map = kind === 'FRIEND' ? this.friends : this.follows;
        const key = kind === 'FRIEND' && e.to < e.from ? pair(e.to, e.from) : pair(e.from, e.to);
        if (map.has(key)) continue;
        created++;
        map.set(key, { start: e.from, end: e.to, props: new Map(e.since !== undefined ? [['since', e.since]] : []) });
      }
    }
    return created;
  }

  /** OPTIONAL MATCH old, MERGE, SET += props: returns how many ids were new. */
  private upsert(label: NodeLabel, rows: readonly (readonly [string, Record<string, unknown>])[]): number {
    let created = 0;
    for (const [id, props] of rows) {
      if (!this.nodes[label].has(id)) created++;
      this.upserting = true;
      const node = this.merge(label, id);
      this.upserting = false;
      for (const [k, v] of Object.entries(props)) {
        if (v === null || v === undefined) node.delete(k);
        else node.set(k, v as Value);
      }
    }
    return created;
  }

  bareNodesCreated(): { users: number; items: number } {
    return { ...this.bare };
  }

  private merge(label: NodeLabel, id: string): Props {
    let node = this.nodes[label].get(id);
    if (node === undefined) {
      this.nodes[label].set(id, (node = new Map([['id', id]])));
      if (!this.upserting && label === 'User') this.bare.users++;
      if (!this.upserting && label === 'Item') this.bare.items++;
    }
    return node;
  }
}

function pair(a: string, b: string): string {
  return `${a}\u0000${b}`;
}

/** coalesce(x, 0) + n with n a long parameter: a long (or a double when x already was one). */
function addLong(old: Value | undefined, n: number): Value {
  return old instanceof Dbl ? new Dbl(old.v + n) : num(old) + n;
}
