import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grecCli } from '../support/cli.ts';
import type { GraphConnection } from '../../src/storage/connect.ts';
import { createTestApi, type Gql } from '../support/api.ts';
import { openTestGraph } from '../support/graph.ts';

/** `grec keys` as an operator runs it, against the test run's Neo4j; the key it prints works over HTTP. */
describe('grec keys (CLI)', () => {
  let graph: GraphConnection;
  let gql: Gql;
  const grec = grecCli;

  beforeAll(async () => {
    graph = await openTestGraph();
    gql = createTestApi(graph).gql;
  });
  afterAll(async () => graph.close());

  it('creates a key shown once, lists it without the secret, revokes it', async () => {
    const created = await grec('keys', 'create', '--name', 'warehouse sync', '--role', 'analyst');
    const m = /^created (k-[0-9a-f]{8}) \(analyst\)\. Send it as the header {2}X-API-Key: (grec_\S+)$/m.exec(created.stdout);
    expect(m, created.stdout).not.toBeNull();
    const [, id, key] = m as unknown as [string, string, string];

    const ok = await gql('{ users(first: 1) { totalCount } }', {}, { 'x-api-key': key });
    expect(ok.body).toEqual({ data: { users: { totalCount: 0 } } });

    const listed = JSON.parse((await grec('keys', 'list', '--json')).stdout) as { id: string; name: string; role: string; revokedAt: number | null }[];
    expect(listed).toMatchObject([{ id, name: 'warehouse sync', role: 'analyst', revokedAt: null }]);
    expect(JSON.stringify(listed)).not.toContain(key.slice(-20));

    await grec('keys', 'revoke', id);
    const refused = await gql('{ users(first: 1) { totalCount } }', {}, { 'x-api-key': key });
    expect(refused.body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    await expect(grec('keys', 'create', '--name', 'x', '--role', 'shopper')).rejects.toMatchObject({ stderr: expect.stringMatching(/Allowed choices are service, analyst, admin/) });
  }, 120_000);
});
