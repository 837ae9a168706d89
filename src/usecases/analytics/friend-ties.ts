// The friendships population.cypher's hasFriendWhoPurchased rule follows ((u)-[:FRIEND]-(fr:User): FRIEND only,
// either stored direction; FOLLOWS is not a friendship), held in memory as a symmetric adjacency of user ids.
// Set semantics: two FRIEND edges between one pair are one tie, as they are to the rule's EXISTS. About
// 2 x (pointer + Set entry) per friendship plus a Set per user with friends (memory not measured yet).
// Replacing a user's ties updates the other ends too, so re-reading the users whose friendships changed
// (live-friend-ties.ts) leaves every tie as the graph has it, whichever of the two ends is re-read.

export class FriendTies {
  private readonly friends = new Map<string, Set<string>>();
  /** Distinct unordered pairs held (a self-tie counts once): compared with the graph's FRIEND count. */
  pairs = 0;

  /** The user's friends (either direction); undefined when none is held. */
  friendsOf(userId: string): ReadonlySet<string> | undefined {
    return this.friends.get(userId);
  }

  /** Users holding at least one tie (tests, the benchmark's report). */
  get users(): number {
    return this.friends.size;
  }

  /** One friendship (a FRIEND edge read in either direction); a pair already held is ignored. */
  add(a: string, b: string): void {
    const of = this.friends.get(a);
    if (of?.has(b) === true) return;
    this.setOf(a).add(b);
    this.setOf(b).add(a);
    this.pairs++;
  }

  /** Replaces the user's ties with these friends (the user's whole list, as the graph has it now). */
  replace(userId: string, friends: readonly string[]): void {
    this.remove(userId);
    for (const f of friends) this.add(userId, f);
  }

  /** Drops every tie of the user, at both ends (erasure, or before a re-read). O(degree). */
  remove(userId: string): void {
    const of = this.friends.get(userId);
    if (of === undefined) return;
    for (const f of of) {
      const back = this.friends.get(f);
      back?.delete(userId);
      if (back !== undefined && back.size === 0) this.friends.delete(f);
      this.pairs--;
    }
    this.friends.delete(userId);
  }

  private setOf(userId: string): Set<string> {
    let s = this.friends.get(userId);
    if (s === undefined) {
      s = new Set();
      this.friends.set(userId, s);
    }
    return s;
  }
}
