// Every user's events held in memory as typed-array columns sorted by (ts, id): ts (Float64Array), state code
// (Uint8Array, MARKOV_STATES index) and item index (Int32Array, into a shop-wide item dictionary). About 13
// bytes per event plus a Map entry per user: 1M events ~ 15 MB. A query then selects each population user's
// run of the window by binary search and counts with algorithms/markov/event-columns.ts, so any window, any
// session gap and any session-end rule is counted exactly, without reading events from Neo4j again.
// Ratings are not states: they are not held, only counted in `performed` (to compare with the graph).
// Each log carries its user's analytics attributes (consent, gender, age, location, createdAt: a few dozen bytes
// per user), so a segment's population is resolved here too (population-rules.ts), without a read.
import { stateCode } from '../../algorithms/markov/index.ts';
import type { UserAttributes, UserEventRows } from '../../storage/analytics-store.ts';

export interface UserLog {
  readonly ts: Float64Array;
  readonly codes: Uint8Array;
  readonly items: Int32Array;
  /** All PERFORMED events of the user in the graph when read, ratings included. */
  readonly performed: number;
  readonly attributes: UserAttributes;
}

export class UserEventLogs {
  private readonly users = new Map<string, UserLog>();
  private readonly itemIndex = new Map<string, number>();
  /** Sum of `performed` over the users held: equals the graph's PERFORMED count when nothing was missed. */
  performed = 0;
  /** Non-rating events held. */
  events = 0;

  get size(): number {
    return this.users.size;
  }

  get(userId: string): UserLog | undefined {
    return this.users.get(userId);
  }

  /** Every held user's log (users with at least one PERFORMED event when read). */
  entries(): IterableIterator<[string, UserLog]> {
    return this.users.entries();
  }

  /** Replaces a held user's attributes (their events unchanged); a user not held is ignored (no events). */
  setAttributes(userId: string, attributes: UserAttributes): void {
    const log = this.users.get(userId);
    if (log !== undefined) this.users.set(userId, { ...log, attributes });
  }

  /** Replaces the user's log with these rows (the user's whole log, unordered). O(E log E) for the user. */
  set(rows: UserEventRows): void {
    this.remove(rows.userId);
    const n = rows.ids.length;
    const order = Array.from({ length: n }, (_, k) => k);
    // (ts, id) with code-unit comparison of ids: the order of sessionize.ts and the Cypher files.
    order.sort((a, b) => {
      const d = (rows.ts[a] as number) - (rows.ts[b] as number);
      if (d !== 0) return d;
      const x = rows.ids[a] as string;
      const y = rows.ids[b] as string;
      return x < y ? -1 : x > y ? 1 : 0;
    });
    const ts = new Float64Array(n);
    const codes = new Uint8Array(n);
    const items = new Int32Array(n);
    order.forEach((k, i) => {
      ts[i] = rows.ts[k] as number;
      codes[i] = stateCode(rows.types[k] as string);
      items[i] = this.item(rows.items[k] as string);
    });
    this.users.set(rows.userId, { ts, codes, items, performed: rows.performed, attributes: rows.attributes });
    this.performed += rows.performed;
    this.events += n;
  }

  remove(userId: string): void {
    const old = this.users.get(userId);
    if (old === undefined) return;
    this.users.delete(userId);
    this.performed -= old.performed;
    this.events -= old.ts.length;
  }

  /** A mask over the item dictionary: 1 for these items (unknown ids are skipped: no event is on them). */
  itemMask(itemIds: readonly string[]): Uint8Array {
    const mask = new Uint8Array(this.itemIndex.size);
    for (const id of itemIds) {
      const k = this.itemIndex.get(id);
      if (k !== undefined) mask[k] = 1;
    }
    return mask;
  }

  private item(id: string): number {
    let k = this.itemIndex.get(id);
    if (k === undefined) {
      k = this.itemIndex.size;
      this.itemIndex.set(id, k);
    }
    return k;
  }
}
