import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, print, type OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.ts';
import { createDemoSource, demoPreset } from '../../src/sources/index.ts';
import type { GraphConnection } from '../../src/storage/connect.ts';
import { GraphWriter } from '../../src/storage/graph-writer.ts';
import { ingestSource } from '../../src/usecases/ingest/ingest-source.ts';
import { createTestApi } from '../support/api.ts';
import { openTestGraph } from '../support/graph.ts';
import { ProfileStore } from '../../src/storage/profile-store.ts';
import { SegmentStore } from '../../src/storage/segment-store.ts';
import { DEFAULT_PROFILES_OPTIONS } from '../../src/usecases/customers/profiles-job.ts';
import { SegmentService } from '../../src/usecases/customers/segment-service.ts';
import { refreshCustomers } from '../../src/usecases/customers/refresh-customers.ts';

/** Every GraphQL operation shown in the README runs without errors against the demo shop. */
const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
const operations = blocks.flatMap((b) =>
  parse(b).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION).map((d) => print(d)));

describe('README GraphQL examples', () => {
  let graph: GraphConnection;
  let gql: ReturnType<typeof createTestApi>['gql'];
  beforeAll(async () => {
    graph = await openTestGraph();
    await ingestSource(createDemoSource(demoPreset('tiny')), new GraphWriter(graph.executor));
    gql = createTestApi(graph).gql;
    // As `npm start` leaves the demo shop: profiles, segments and a clustering.
    const store = new ProfileStore(graph.executor);
    await refreshCustomers(store, new SegmentService(new SegmentStore(graph.executor), store, () => Date.now()), {
      ...DEFAULT_PROFILES_OPTIONS, now: () => Date.now(), cluster: {},
    });
  });
  afterAll(async () => graph.close());

  it('the README has examples', () => {
    expect(operations.length).toBeGreaterThanOrEqual(6);
  });

  it.each(operations.map((op, k) => [k + 1, op] as const))('example %i runs without errors', async (_k, op) => {
    const r = await gql(op);
    expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
    expect(r.status).toBe(200);
    expect(Object.values(r.body.data ?? {}).every((v) => v !== null)).toBe(true);
  });
});
