import type { IngestRecord } from '../../domain/ingest.ts';
import type { ResolvedDemoOptions } from './demo-options.ts';
import type { Population } from './population.ts';
import { STREAM, rngFor } from './prng.ts';

/** Expected friendships: each user starts ~avgFriends/2 of them (a few collide and are merged). */
export const expectedFriendships = (o: ResolvedDemoOptions): number => Math.round((o.users * o.avgFriends) / 2);

/**
 * A planted-partition friend graph (stochastic block model flavour): each user starts between 0 and
 * avgFriends friendships (mean avgFriends / 2, so mean degree ~ avgFriends); each goes to a random
 * member of the same community with probability communityLoyalty, else to anyone. Each unordered pair
 * is emitted once as FRIEND with from = the lower user number. Batches of edges, in generation order.
 */
export function* friendBatches(o: ResolvedDemoOptions, population: Population): Generator<IngestRecord[]> {
  const rng = rngFor(o.seed, STREAM.friends);
  const seen = new Set<number>();
  let batch: IngestRecord[] = [];
  for (let u = 0; u < o.users; u++) {
    const starts = rng.int(Math.floor(o.avgFriends) + 1);
    const own = population.membersOf[population.community[u] ?? 0];
    for (let s = 0; s < starts; s++) {
      const v = own !== undefined && own.length > 1 && rng.chance(o.communityLoyalty) ? (own[rng.int(own.length)] ?? u) : rng.int(o.users);
      if (v === u) continue;
      const [a, b] = u < v ? [u, v] : [v, u];
      const key = a * o.users + b;
      if (seen.has(key)) continue;
      seen.add(key);
      const from = population.userIds[a];
      const to = population.userIds[b];
      if (from === undefined || to === undefined) continue;
      batch.push({ kind: 'social', edge: { kind: 'FRIEND', from, to } });
    }
    if (batch.length >= 2048) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
