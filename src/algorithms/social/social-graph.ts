// The directed "who endorses whom" graph PageRank runs on, built from FRIEND and FOLLOWS edges:
//   FRIEND  a - b : a -> b and b -> a (friendship is mutual endorsement; stored once, read both ways)
//   FOLLOWS a -> b: a -> b only (follower to followee), so being followed raises your rank, following does not
// Duplicates are merged: the same directed pair from repeated edges, from FRIEND stored in both directions, or
// from a FRIEND plus a FOLLOWS counts once, so nobody gains rank by being linked twice by the same user.
// Self-edges are ignored (endorsing yourself is not influence) and counted in `selfEdgesIgnored`.
// Rows are sorted by target index, so the same input gives the same arrays. O(E log E) for the per-row sorts.
import type { SocialKind } from '../../domain/entities.ts';
import { invalidInput } from '../../domain/errors.ts';
import type { DirectedCsr } from './pagerank.ts';

/** The minimal edge shape needed here; the domain `SocialEdge` satisfies it. */
export interface SocialLink {
  readonly kind: SocialKind;
  readonly from: string;
  readonly to: string;
}

export interface SocialGraph extends DirectedCsr {
  /** Node index -> user id (the input order). */
  readonly userIds: readonly string[];
  /** User id -> node index. */
  readonly index: ReadonlyMap<string, number>;
  readonly selfEdgesIgnored: number;
}

/** Index of each user id, in input order. Duplicate ids are an INVALID_INPUT error. */
export function indexUsers(userIds: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  userIds.forEach((id, i) => {
    if (index.has(id)) throw invalidInput(`user '${id}' is listed twice`, { userId: id });
    index.set(id, i);
  });
  return index;
}

/** Node indices of an edge's ends; an end missing from the user list is an INVALID_INPUT error, not dropped. */
export function edgeEnds(index: ReadonlyMap<string, number>, e: SocialLink): [number, number] {
  const from = index.get(e.from);
  const to = index.get(e.to);
  if (from === undefined || to === undefined) {
    const missing = from === undefined ? e.from : e.to;
    throw invalidInput(`${e.kind} edge '${e.from}' -> '${e.to}' names user '${missing}', who is not in the user list`, { userId: missing });
  }
  return [from, to];
}

export function buildSocialGraph(userIds: readonly string[], edges: readonly SocialLink[]): SocialGraph {
  const index = indexUsers(userIds);
  const n = userIds.length;
  const rows: number[][] = Array.from({ length: n }, () => []);
  let selfEdgesIgnored = 0;
  for (const e of edges) {
    const [a, b] = edgeEnds(index, e);
    if (a === b) {
      selfEdgesIgnored++;
      continue;
    }
    rows[a]!.push(b);
    if (e.kind === 'FRIEND') rows[b]!.push(a);
  }
  const offsets = new Uint32Array(n + 1);
  const merged: number[] = [];
  rows.forEach((row, u) => {
    row.sort((x, y) => x - y);
    row.forEach((v, i) => {
      if (i === 0 || v !== row[i - 1]) merged.push(v);
    });
    offsets[u + 1] = merged.length;
  });
  return { userIds: [...userIds], index, offsets, targets: Uint32Array.from(merged), selfEdgesIgnored };
}
