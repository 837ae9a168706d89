import type { Executor } from '../../src/storage/executor.ts';
import { graphCounts, type GraphCounts } from '../../src/storage/admin.ts';

/** Everything a load must reproduce exactly: counts, every event with its ends, every INTERACTED aggregate. */
export interface LoadSnapshot {
  readonly counts: GraphCounts;
  readonly events: readonly Record<string, unknown>[];
  readonly interactions: readonly Record<string, unknown>[];
}

export async function loadSnapshot(ex: Executor): Promise<LoadSnapshot> {
  return {
    counts: await graphCounts(ex),
    events: await ex.read(`MATCH (u:User)-[:PERFORMED]->(e:Event)-[:ON]->(i:Item)
      RETURN e.id AS id, u.id AS user, i.id AS item, e.type AS type, e.ts AS ts, e.value AS value ORDER BY id`),
    interactions: await ex.read(`MATCH (u:User)-[r:INTERACTED]->(i:Item)
      RETURN u.id AS user, i.id AS item, r.views AS views, r.favourites AS favourites, r.carts AS carts,
             r.purchases AS purchases, r.cancels AS cancels, r.ratings AS ratings, r.ratingSum AS ratingSum,
             r.weight AS weight, r.firstTs AS firstTs, r.lastTs AS lastTs, r.plays AS plays
      ORDER BY user, item`),
  };
}

export async function eventCount(ex: Executor): Promise<number> {
  const [row] = await ex.read('MATCH (e:Event) RETURN count(e) AS n');
  return Number(row?.['n'] ?? 0);
}

/** The demo data of these tests: the tiny shop with a few thousand events, written in small batches. */
export const DEMO_ARGS = ['load', 'demo', '--preset', 'tiny', '--events', '4000', '--batch-size', '100', '--json'] as const;
