/**
 * Aggregates user_taggedartists.dat into "how many distinct users applied tag t to artist a".
 * Nested maps keyed by the numeric ids (no string keys: 186k rows), users kept in a small array per
 * pair because a pair is tagged by ~1.7 users on average, so `includes` beats a Set per pair.
 */
export class TagUsage {
  private readonly byArtist = new Map<number, Map<number, number[]>>();

  add(user: number, artist: number, tag: number): void {
    let tags = this.byArtist.get(artist);
    if (tags === undefined) {
      tags = new Map();
      this.byArtist.set(artist, tags);
    }
    const users = tags.get(tag);
    if (users === undefined) tags.set(tag, [user]);
    else if (!users.includes(user)) users.push(user);
  }

  /** (artist, tag, distinct users), grouped by artist in order of first appearance: deterministic for a given file. */
  *pairs(): Generator<readonly [artist: number, tag: number, users: number]> {
    for (const [artist, tags] of this.byArtist) {
      for (const [tag, users] of tags) yield [artist, tag, users.length];
    }
  }
}
