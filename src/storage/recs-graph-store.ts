import type { Consent } from '../domain/consent.ts';
import type { ItemId, UserId } from '../domain/ids.ts';
import { cypher } from './cypher-files.ts';
import type { Executor } from './executor.ts';

/** The user-item graph as the GRAPH model reads it: positive interactions and (optionally) social ties. */
export interface GraphEdges {
  readonly interactions: { readonly userId: UserId; readonly itemId: ItemId; readonly weight: number }[];
  /** Undirected FRIEND edges. */
  readonly friendships: { readonly a: UserId; readonly b: UserId }[];
  /** Directed FOLLOWS edges, follower -> followee (absent: none). */
  readonly follows?: { readonly follower: UserId; readonly followee: UserId }[];
}

export interface EmbeddingRow {
  readonly id: string;
  /** null removes the vector (e.g. an item that lost all its interactions). */
  readonly embedding: readonly number[] | null;
}

const WRITE_BATCH = 2_000;

/** Reads the whole graph for a model fit in one query, and writes the fitted vectors back. */
export class RecsGraphStore {
  constructor(private readonly executor: Executor) {}

  /** Friendships and follows only between two users who consented to social features (`consentDefaults` when unset). */
  async loadEdges(withFriends: boolean, consentDefaults: Consent): Promise<GraphEdges> {
    const follows: { follower: UserId; followee: UserId }[] = [];
    const out: GraphEdges = { interactions: [], friendships: [], follows };
    // Streamed: the whole graph is a million rows on a real shop, decoded as they arrive (see readEach).
    await this.executor.readEach(cypher('recs/graph-edges'), { withFriends, consentDefaults: { ...consentDefaults } }, (r) => {
      if (r['kind'] === 'I') out.interactions.push({ userId: String(r['src']) as UserId, itemId: String(r['dst']) as ItemId, weight: Number(r['w']) });
      else if (r['kind'] === 'W') follows.push({ follower: String(r['src']) as UserId, followee: String(r['dst']) as UserId });
      else out.friendships.push({ a: String(r['src']) as UserId, b: String(r['dst']) as UserId });
    });
    return out;
  }

  async writeEmbeddings(kind: 'item' | 'user', rows: readonly EmbeddingRow[]): Promise<number> {
    const file = kind === 'item' ? 'recs/write-item-embeddings' : 'recs/write-user-embeddings';
    let written = 0;
    for (let s = 0; s < rows.length; s += WRITE_BATCH) {
      const batch = rows.slice(s, s + WRITE_BATCH).map((r) => ({ id: r.id, embedding: r.embedding === null ? null : [...r.embedding] }));
      const res = await this.executor.writeTx((tx) => tx.run(cypher(file), { rows: batch }), `recs:${file}`);
      written += Number(res[0]?.['written'] ?? 0);
    }
    return written;
  }

  /** The analyst's vector retrieval (cypher/recs/vector-items.cypher). */
  async vectorItems(userId: UserId, candidates: number, limit: number): Promise<{ itemId: ItemId; score: number }[]> {
    const rows = await this.executor.read(cypher('recs/vector-items'), { userId, candidates, limit });
    return rows.map((r) => ({ itemId: String(r['id']) as ItemId, score: Number(r['score']) }));
  }
}
