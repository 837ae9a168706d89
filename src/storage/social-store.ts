import type { UserId } from '../domain/ids.ts';
import { cypher } from './cypher-files.ts';
import type { Executor } from './executor.ts';

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

  /** Returns true when an edge was removed. */
  async unfollow(from: UserId, to: UserId): Promise<boolean> {
    const rows = await this.executor.write(cypher('api/unfollow'), { from, to });
    return Number(rows[0]?.['deleted'] ?? 0) > 0;
  }

  async unfriend(from: UserId, to: UserId): Promise<boolean> {
    const rows = await this.executor.write(cypher('api/unfriend'), { from, to });
    return Number(rows[0]?.['deleted'] ?? 0) > 0;
  }
}
