// Two API replicas over one database (README "Deployment"): two createServices instances on the same test
// graph, each with its own page cache, GRAPH model and refresh scheduler, sharing only the database. A write
// through replica A reaches a page cached on replica B after one sync of each; of two schedulers triggered
// together, one refreshes (it took the lease) and the other skips, then refits from the announced refresh.
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { capabilityResolvers, createServices } from '../../src/app.ts';
import { DEFAULT_LOOP, DEFAULT_PRIVACY } from '../../src/config.ts';
import type { Services } from '../../src/graphql/context.ts';
import { createApi } from '../../src/graphql/server.ts';
import type { GraphConnection } from '../../src/storage/connect.ts';
import { ReplicaStore } from '../../src/storage/replica-store.ts';
import { ReplicaSync } from '../../src/usecases/live/replica-sync.ts';
import { fanOutWrites, IGNORE_WRITES } from '../../src/usecases/live/write-observer.ts';
import { SILENT_LOG } from '../../src/usecases/job-log.ts';
import type { ItemId, UserId } from '../../src/domain/ids.ts';
import { AS_ADMIN, testAuth, type GqlResult } from '../support/api.ts';
import { openTestGraph } from '../support/graph.ts';

const RECS = 'query($u: ID!) { recommendations(userId: $u, strategy: POPULAR, first: 5) { edges { node { item { id } } } } }';
const RECORD = 'mutation($in: RecordInteractionInput!) { recordInteraction(input: $in) { created } }';
const LOOP = { ...DEFAULT_LOOP, replicaSyncMs: 1000 };

interface Replica {
  readonly services: Services;
  readonly sync: ReplicaSync;
  gql(query: string, variables?: Record<string, unknown>): Promise<GqlResult['body']>;
}

function replica(graph: GraphConnection): Replica {
  const services = createServices(graph, undefined, DEFAULT_PRIVACY, LOOP);
  const api = createApi({ services, auth: testAuth(graph), resolvers: capabilityResolvers(), logger: pino({ level: 'silent' }) });
  if (services.replicas === undefined) throw new Error('replica sync is off');
  return {
    services,
    sync: services.replicas,
    async gql(query, variables = {}) {
      const res = await api.fetch('http://localhost/graphql', {
        method: 'POST', headers: { 'content-type': 'application/json', ...AS_ADMIN }, body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as GqlResult['body'];
      expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
      return body;
    },
  };
}

const ids = (body: GqlResult['body']): string[] =>
  (body.data?.['recommendations'] as { edges: { node: { item: { id: string } } }[] }).edges.map((e) => e.node.item.id);

describe('several replicas over one database', () => {
  let graph: GraphConnection;
  let a: Replica;
  let b: Replica;

  beforeAll(async () => {
    graph = await openTestGraph();
    a = replica(graph);
    b = replica(graph);
    for (const id of ['ann', 'bob', 'cid']) await a.gql('mutation($in: UpsertUserInput!) { upsertUser(input: $in) { id } }', { in: { id } });
    for (const id of ['i1', 'i2', 'i3']) await a.gql('mutation($in: UpsertItemInput!) { upsertItem(input: $in) { id } }', { in: { id, title: id } });
    const buy = (eventId: string, userId: string, itemId: string) =>
      a.gql(RECORD, { in: { eventId, userId, itemId, type: 'PURCHASE', at: '2026-01-01T00:00:00Z' } });
    await buy('e1', 'bob', 'i1');
    await buy('e2', 'cid', 'i1');
    await buy('e3', 'bob', 'i2');
    // Both replicas start reading the log from here; A publishes its setup writes, B replays them.
    await a.sync.sync();
    await b.sync.sync();
  });
  afterAll(async () => {
    await a.services.refresh.stop();
    await b.services.refresh.stop();
    await graph.close();
  });

  it('a write through replica A drops the page replica B cached, after one sync of each', async () => {
    expect(ids(await b.gql(RECS, { u: 'ann' }))).toEqual(['i1', 'i2']);
    expect(ids(await b.gql(RECS, { u: 'ann' }))).toEqual(['i1', 'i2']);
    expect(b.services.recs.pages.hits).toBe(1);
    expect(b.services.recs.pages.size).toBe(1);

    await a.gql(RECORD, { in: { eventId: 'e4', userId: 'ann', itemId: 'i1', type: 'PURCHASE', at: '2026-01-02T00:00:00Z' } });
    // Before the sync B still serves its cached page (bounded by the sync interval, not by the cache TTL).
    expect(ids(await b.gql(RECS, { u: 'ann' }))).toEqual(['i1', 'i2']);

    expect(await a.sync.sync()).toEqual({ published: 1, applied: 0 });
    expect(await b.sync.sync()).toEqual({ published: 0, applied: 1 });
    expect(b.services.recs.pages.size).toBe(0);
    // ann bought i1: it is no longer recommended to her, on either replica.
    expect(ids(await b.gql(RECS, { u: 'ann' }))).toEqual(['i2']);
    expect(ids(await a.gql(RECS, { u: 'ann' }))).toEqual(['i2']);
  });

  it('a replica does not replay its own changes, and a page of another user stays cached', async () => {
    expect(ids(await b.gql(RECS, { u: 'cid' }))).toEqual(['i2']);
    await b.gql(RECORD, { in: { eventId: 'e5', userId: 'bob', itemId: 'i3', type: 'VIEW', at: '2026-01-03T00:00:00Z' } });
    expect(await b.sync.sync()).toEqual({ published: 1, applied: 0 });
    expect(await a.sync.sync()).toEqual({ published: 0, applied: 1 });
    expect(b.services.recs.pages.size).toBe(2); // ann's and cid's pages: bob's view changes neither's tags
  });

  it('two schedulers triggered together: one refreshes under the lease, the other skips and refits from its announcement', async () => {
    expect(b.services.recs.graph.lastFit()).toBeUndefined();
    await Promise.all([a.services.refresh.trigger('interval'), b.services.refresh.trigger('interval')]);
    const graphRuns = (r: Replica) => r.services.refresh.refreshCounts().find((c) => c.model === 'graph' && c.outcome === 'ok')?.count;
    const runs = [graphRuns(a), graphRuns(b)];
    expect(runs.slice().sort()).toEqual([0, 1]);
    expect(a.services.refresh.skippedRuns + b.services.refresh.skippedRuns).toBe(1);
    const [holder, other] = runs[0] === 1 ? [a, b] : [b, a];
    expect(other.services.recs.graph.lastFit()).toBeUndefined();

    // The holder announces its refit; the other replica refits its GRAPH model from the graph.
    await holder.sync.sync();
    expect((await other.sync.sync()).applied).toBe(1);
    await vi.waitFor(() => expect(other.services.recs.graph.lastFit()).toBeDefined(), { timeout: 20_000 });

    // The holder keeps the job at its next run; the other skips again.
    await other.services.refresh.trigger('interval');
    expect(graphRuns(other)).toBe(0);
    // Once the holder stops (releasing the lease), the other takes over at its next run.
    await holder.services.refresh.stop();
    await other.services.refresh.trigger('interval');
    expect(graphRuns(other)).toBe(1);
  });

  it('a replica that fell behind the pruning, or finds the log wiped, drops everything it caches', async () => {
    let clock = 1_000_000;
    const seen: string[] = [];
    const targets = (name: string) => ({
      writes: fanOutWrites({ ...IGNORE_WRITES, interactionRecorded: (u: UserId, i: ItemId) => void seen.push(`${name} i ${u} ${i}`) }),
      privacy: [{ consentChanged: () => {}, userErased: () => void seen.push(`${name} erased`) }],
      modelRefreshed: () => void seen.push(`${name} refit`),
      resetAll: () => void seen.push(`${name} reset`),
    });
    const opts = (replicaId: string) => ({ replicaId, intervalMs: 1000, retentionMs: 10_000, now: () => clock, log: SILENT_LOG });
    const store = new ReplicaStore(graph.executor);
    const x = new ReplicaSync(store, targets('x'), opts('x'));
    const y = new ReplicaSync(store, targets('y'), opts('y'));
    await x.sync();
    await y.sync();
    x.interactionRecorded('ann' as UserId, 'i2' as ItemId);
    x.userErased('ann' as UserId);
    await x.sync();
    expect(await y.sync()).toEqual({ published: 0, applied: 2 });
    expect(seen).toEqual(['y i ann i2', 'y erased']);
    // y pauses; x publishes twice, 20 s apart: the second append prunes the first before y read it.
    x.interactionRecorded('bob' as UserId, 'i1' as ItemId);
    await x.sync();
    clock += 20_000;
    x.modelRefreshed();
    await x.sync();
    seen.length = 0;
    expect(await y.sync()).toEqual({ published: 0, applied: 1 });
    expect(seen).toEqual(['y reset', 'y refit']);
    // The store is wiped (the sequence starts again): everything goes.
    await graph.executor.write('MATCH (n) WHERE n:CacheChange OR n:CacheChangeSeq DETACH DELETE n');
    seen.length = 0;
    expect(await y.sync()).toEqual({ published: 0, applied: 0 });
    expect(seen).toEqual(['y reset']);
  });
});
