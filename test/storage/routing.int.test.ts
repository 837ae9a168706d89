// The API over a `neo4j://` URI: the driver fetches a routing table and sends READ work to readers and WRITE
// work to the writer, as it would against a cluster or Aura. Against the one embedded server every role is
// that server, so this proves the scheme works end to end (writes then reads of their results, every README
// operation: recommendations, analytics, customers, the loop), while the access mode of every statement sent
// is recorded from the real executor and checked against what the planner says the statement does: a
// statement sent with READ access must be read-only (a cluster's secondaries refuse writes), and a read-only
// statement sent with WRITE access (routed to the leader for nothing) must be a read inside a write transaction.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, print, type OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig, PROJECT_ROOT } from '../../src/config.ts';
import { createDemoSource, demoPreset } from '../../src/sources/index.ts';
import { wipeGraph } from '../../src/storage/admin.ts';
import { connectGraph, type GraphConnection } from '../../src/storage/connect.ts';
import { cypher } from '../../src/storage/cypher-files.ts';
import { documentedParams } from '../../src/storage/cypher-params.ts';
import { GraphWriter } from '../../src/storage/graph-writer.ts';
import { ProfileStore } from '../../src/storage/profile-store.ts';
import { applySchema } from '../../src/storage/schema.ts';
import { SegmentStore } from '../../src/storage/segment-store.ts';
import { DEFAULT_PROFILES_OPTIONS } from '../../src/usecases/customers/profiles-job.ts';
import { refreshCustomers } from '../../src/usecases/customers/refresh-customers.ts';
import { SegmentService } from '../../src/usecases/customers/segment-service.ts';
import { ingestSource } from '../../src/usecases/ingest/ingest-source.ts';
import { createTestApi, type Gql } from '../support/api.ts';

const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
const operations = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].flatMap((m) =>
  parse(m[1] ?? '').definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION).map((d) => print(d)));

/**
 * Files that only read but are sent with WRITE access, each for a reason: reads inside a write transaction,
 * whose answer decides what the transaction writes (reading them from a secondary could act on stale state).
 */
const READS_IN_WRITE_TRANSACTIONS = new Set<string>([
  'ingest/events-existing', // which event ids of the batch are new (graph-writer.ts writeEvents)
  'ingest/missing-nodes', // a write naming an unknown user or item is rejected and rolled back (rejectMissing)
]);

describe('the API over a neo4j:// (routing) URI', () => {
  let graph: GraphConnection;
  let gql: Gql;
  /** `cypher/` file -> the access modes it was sent with. */
  const sent = new Map<string, Set<'read' | 'write'>>();

  const data = async (query: string, variables: Record<string, unknown> = {}) => {
    const r = await gql(query, variables);
    expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
    return r.body.data as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  };

  beforeAll(async () => {
    const uri = inject('neo4jUri').replace(/^bolt(\+s|\+ssc)?:/, 'neo4j$1:');
    graph = await connectGraph({ ...loadConfig().neo4j, uri }, () => {});
    graph.executor.onQueryTimed = (t) => {
      if (t.query === 'inline') return;
      let modes = sent.get(t.query);
      if (modes === undefined) sent.set(t.query, (modes = new Set()));
      modes.add(t.mode);
    };
    await applySchema(graph.executor);
    await wipeGraph(graph.executor);
    await ingestSource(createDemoSource(demoPreset('tiny')), new GraphWriter(graph.executor));
    const store = new ProfileStore(graph.executor);
    await refreshCustomers(store, new SegmentService(new SegmentStore(graph.executor), store, () => Date.now()), {
      ...DEFAULT_PROFILES_OPTIONS, now: () => Date.now(), cluster: {},
    });
    gql = createTestApi(graph).gql;
  });
  afterAll(async () => graph.close());

  it('is connected through the routing scheme', () => {
    expect(graph.boltUri).toMatch(/^neo4j:\/\/127\.0\.0\.1:\d+$/);
  });

  it('each write is read back at once by the request after it (the executor passes its bookmarks)', async () => {
    expect(await data('mutation { upsertUser(input: {id: "rt-ann", name: "Ann Route"}) { id name } }')).toEqual({ upsertUser: { id: 'rt-ann', name: 'Ann Route' } });
    expect(await data('{ user(id: "rt-ann") { name friendCount } }')).toEqual({ user: { name: 'Ann Route', friendCount: 0 } });
    await data('mutation { upsertUser(input: {id: "rt-bob"}) { id } }');
    expect(await data('mutation { upsertItem(input: {id: "rt-i1", title: "Route one"}) { id title } }')).toEqual({ upsertItem: { id: 'rt-i1', title: 'Route one' } });
    const rec = 'mutation($in: RecordInteractionInput!) { recordInteraction(input: $in) { created interaction { id type item { id } } } }';
    expect(await data(rec, { in: { eventId: 'rt-e1', userId: 'rt-ann', itemId: 'rt-i1', type: 'PURCHASE', at: '2026-01-05T10:00:00Z' } }))
      .toEqual({ recordInteraction: { created: true, interaction: { id: 'rt-e1', type: 'PURCHASE', item: { id: 'rt-i1' } } } });
    expect(await data('{ user(id: "rt-ann") { interactions { edges { node { id type item { id } } } } } }'))
      .toEqual({ user: { interactions: { edges: [{ node: { id: 'rt-e1', type: 'PURCHASE', item: { id: 'rt-i1' } } }] } } });
    expect(await data('mutation { addFriend(userId: "rt-ann", friendId: "rt-bob") { changed } }')).toEqual({ addFriend: { changed: true } });
    expect(await data('{ user(id: "rt-ann") { friendCount friends { edges { node { id } } } } }'))
      .toEqual({ user: { friendCount: 1, friends: { edges: [{ node: { id: 'rt-bob' } }] } } });
    // Recommendations read the new purchase: the purchased item is not offered again.
    const recs = await data('{ recommendations(userId: "rt-ann", strategy: POPULAR, first: 5) { edges { node { item { id } } } } }');
    const ids = (recs['recommendations'].edges as { node: { item: { id: string } } }[]).map((e) => e.node.item.id);
    expect(ids).toHaveLength(5);
    expect(ids).not.toContain('rt-i1');
    expect((await data('{ journey(userId: "rt-ann") { userId sessions { state } } }'))['journey']).toEqual({ userId: 'rt-ann', sessions: [[{ state: 'START' }, { state: 'PURCHASE' }, { state: 'EXIT' }]] });
  });

  it.each(operations.map((op, k) => [k + 1, op] as const))('README example %i runs without errors', async (_k, op) => {
    const r = await gql(op);
    expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
    expect(Object.values(r.body.data ?? {}).every((v) => v !== null)).toBe(true);
  });

  it('every statement sent with READ access is read-only; every read-only one sent with WRITE access is a read in a write transaction', async () => {
    expect(sent.size).toBeGreaterThan(30);
    const wrong: string[] = [];
    for (const [name, modes] of [...sent].sort(([x], [y]) => x.localeCompare(y))) {
      const text = cypher(name);
      const params: Record<string, unknown> = {};
      for (const p of documentedParams(text)) params[p.name] = (await graph.executor.read(`RETURN ${p.literal} AS v`))[0]?.['v'];
      const type = await graph.executor.statementType(text.includes('IN TRANSACTIONS') ? text.replace(/IN TRANSACTIONS[^\n]*/, '') : text, params);
      if (modes.has('read') && type !== 'r') wrong.push(`${name}: sent with READ access but is '${type}'`);
      if (modes.has('write') && type === 'r' && !READS_IN_WRITE_TRANSACTIONS.has(name)) wrong.push(`${name}: read-only but sent with WRITE access`);
    }
    expect(wrong).toEqual([]);
  });
});
