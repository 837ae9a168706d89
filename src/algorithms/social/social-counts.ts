// Friend, follower and following counts per user, from the same edge list as the influence graph and with
// the same merging: distinct users, so a FRIEND stored in both directions is one friend and a repeated
// FOLLOWS one follower; self-edges count for nothing. FRIEND and FOLLOWS are counted apart (a friend who also
// follows you is one friend and one follower), unlike the graph, which merges them into one endorsement. O(E).
import { edgeEnds, indexUsers, type SocialLink } from './social-graph.ts';

/** Per user, in the order of the user list given. */
export interface SocialCounts {
  /** Distinct users linked by FRIEND in either direction. */
  readonly friends: Uint32Array;
  /** Distinct users who FOLLOW this user. */
  readonly followers: Uint32Array;
  /** Distinct users this user FOLLOWS. */
  readonly following: Uint32Array;
}

export function socialCounts(userIds: readonly string[], edges: readonly SocialLink[]): SocialCounts {
  const index = indexUsers(userIds);
  const n = userIds.length;
  const friends = new Uint32Array(n);
  const followers = new Uint32Array(n);
  const following = new Uint32Array(n);
  const seen = new Set<string>();
  for (const e of edges) {
    const [a, b] = edgeEnds(index, e);
    if (a === b) continue;
    // FRIEND is unordered: key it by (min, max) so both stored directions are the same friendship.
    const key = e.kind === 'FRIEND' ? `F ${Math.min(a, b)} ${Math.max(a, b)}` : `L ${a} ${b}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (e.kind === 'FRIEND') {
      friends[a]!++;
      friends[b]!++;
    } else {
      following[a]!++;
      followers[b]!++;
    }
  }
  return { friends, followers, following };
}
