import type { UserId } from '../domain/ids.ts';
import { cypher } from './cypher-files.ts';
import type { Executor, Row } from './executor.ts';

/** Friendship and follow edges: pages of neighbours, batched counts, removal. */
export class SocialStore {
  constructor(private readonly executor: Executor) {}

  async friendIdsPage(userId: UserId, after: string, first: number): Promise<UserId[]> {
    const rows = await this.executor.read(cypher('api/friends-page'), { userId, after, first });
    return rows.map((r) => String(r['id']) as UserId);
  }

  async followingIdsPage(userId: UserId, after: string, first: number): Promise<UserId[]> {
    const rows = await this.executor.read(cypher('api/following-page'), { userId, after, first });
    return rows.map((r) => String(r['id']) as UserId);
  }

  async friendCounts(ids: readonly UserId[]): Promise<number[]> {
    const rows = await this.executor.read(cypher('api/friend-counts'), { ids: [...new Set(ids)] });
    const byId = new Map(rows.map((r) => [String(r['id']), Number(r['n'])]));
    return ids.map((id) => byId.get(id) ?? 0);
  }

  async unfollow(from: UserId, to: UserId): Promise<UnlinkResult> {
    return unlinkResult(from, to, await this.executor.write(cypher('api/unfollow'), { from, to }));
  }

  async unfriend(from: UserId, to: UserId): Promise<UnlinkResult> {
    return unlinkResult(from, to, await this.executor.write(cypher('api/unfriend'), { from, to }));
  }
}

/** Whether an edge was removed, or which of the two users is not stored (nothing was removed then). */
export type UnlinkResult = { readonly removed: boolean; readonly missing: null } | { readonly removed: false; readonly missing: UserId };

function unlinkResult(from: UserId, to: UserId, rows: readonly Row[]): UnlinkResult {
  const r = rows[0] ?? {};
  if (r['fromExists'] !== true) return { removed: false, missing: from };
  if (r['toExists'] !== true) return { removed: false, missing: to };
  return { removed: Number(r['deleted'] ?? 0) > 0, missing: null };
}
