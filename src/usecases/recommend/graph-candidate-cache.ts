// The GRAPH source's candidates of recently served users, kept with the model they were scored by, so a
// page that is not in the page cache (its TTL passed, another offset or page size within the same pool, a
// write that touched only another part of the page) does not score the whole catalogue again while
// nothing the scores depend on has changed. scoreGraphUser is a pure function of the model, the user's
// items (id, weight), ties, the excluded ids, the pool size and viaLimit: an entry is reused only when all of
// these equal the request's (history compared by reference first, then element by element), so a hit returns
// exactly what scoring would; any change to the user's row (a new event, a tie, a consent change that
// filters a tie) makes the next request score again. A new model empties the cache; erasure empties it
// too (RecsService.dropDerived), so no entry outlives an erased user, and a consent change drops the user's.
// Bounded: least recently used first out once maxEntries users are held (each ~pool candidates).
import type { ItemId, UserId } from '../../domain/ids.ts';
import type { GraphModel } from './fit-graph-model.ts';
import type { Candidate, UserContext } from './types.ts';

interface Entry {
  readonly items: UserContext['items'];
  readonly friends: readonly UserId[];
  readonly following: readonly UserId[];
  readonly excluded: ReadonlySet<ItemId>;
  readonly limit: number;
  readonly viaLimit: number;
  readonly candidates: Candidate[];
}

export class GraphCandidateCache {
  private model: GraphModel | undefined;
  private readonly entries = new Map<UserId, Entry>();
  hits = 0;
  misses = 0;

  constructor(private readonly maxEntries: number) {}

  /** The user's candidates under this model: the kept ones when every input is the same, else `score()`'s (then kept). */
  get(model: GraphModel, user: UserContext, excluded: ReadonlySet<ItemId>, limit: number, viaLimit: number, score: () => Candidate[]): Candidate[] {
    if (this.maxEntries <= 0) return score();
    if (this.model !== model) {
      this.entries.clear();
      this.model = model;
    }
    const e = this.entries.get(user.userId);
    if (e !== undefined && e.limit === limit && e.viaLimit === viaLimit && sameHistory(e.items, user.items)
      && sameIds(e.friends, user.friends) && sameIds(e.following, user.following) && sameSet(e.excluded, excluded)) {
      this.hits++;
      // Most recently used last (Map keeps insertion order).
      this.entries.delete(user.userId);
      this.entries.set(user.userId, e);
      return e.candidates;
    }
    this.misses++;
    const candidates = score();
    this.entries.delete(user.userId);
    this.entries.set(user.userId, { items: user.items, friends: user.friends, following: user.following, excluded: new Set(excluded), limit, viaLimit, candidates });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return candidates;
  }

  /** Drops one user's entry (a consent change: nothing derived from their history is kept after a refusal). */
  forget(userId: UserId): void {
    this.entries.delete(userId);
  }

  clear(): void {
    this.entries.clear();
    this.model = undefined;
  }

  get size(): number {
    return this.entries.size;
  }
}

/** The same interactions as far as scoring reads them (item id and weight, in order). */
function sameHistory(a: UserContext['items'], b: UserContext['items']): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k]!.itemId !== b[k]!.itemId || a[k]!.weight !== b[k]!.weight) return false;
  return true;
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

function sameSet<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  if (a.size !== b.size) return false;
  for (const x of b) if (!a.has(x)) return false;
  return true;
}
