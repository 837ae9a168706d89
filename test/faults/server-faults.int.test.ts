// Fault tests of the server process (issue 7, section 5): the embedded Neo4j JVM killed under a running
// server (supervision: UNAVAILABLE at once, then served again after the restart on the same store and
// port), and SIGTERM with requests in flight (every request answered, exit 0). One server child for both,
// on a temp store with port 0, killed and deleted in afterAll whatever happens.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Children, isAlive, type Child, waitUntil } from '../support/child-process.ts';

interface GqlBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

describe('server faults: JVM killed, SIGTERM under load', () => {
  const children = new Children();
  let store = '';
  let server: Child;
  let url = '';
  /** The admin token the development server prints at start (its secret is random per run). */
  let adminToken = '';
  let driver: Driver | undefined;

  const gql = async (query: string, variables: Record<string, unknown> = {}): Promise<{ status: number; body: GqlBody }> => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(60_000),
    });
    return { status: res.status, body: (await res.json()) as GqlBody };
  };
  const jvmReady = /embedded Neo4j \S+ \(pid (\d+)\) ready at (bolt:\/\/[\d.:]+)/;

  beforeAll(async () => {
    store = mkdtempSync(join(tmpdir(), 'grec-fault-server-'));
    server = children.spawnNode('src/main.ts', [], {
      GREC_STORE_DIR: store, GREC_NEO4J_PORT: '0', PORT: '0', GREC_DEMO_PRESET: 'tiny',
      GREC_NEO4J_RESTARTS: '2', GREC_SHUTDOWN_GRACE_MS: '3000',
    }, { tsx: true });
    const m = await server.waitFor(/GraphQL API and GraphiQL: (http:\/\/\S+)/, 240_000);
    url = m[1]!;
    adminToken = /^\s+admin\s+\(sub dev-admin\): (\S+)$/m.exec(server.output())?.[1] ?? '';
    expect(adminToken).not.toBe('');
  }, 300_000);

  afterAll(async () => {
    await driver?.close().catch(() => undefined);
    children.killAll([store]);
    if (store !== '') rmSync(store, { recursive: true, force: true });
  });

  it('kill -9 of the JVM: requests get UNAVAILABLE with a retry hint (logged once), then work after the restart', async () => {
    const q = '{ items(first: 1) { totalCount } }';
    expect((await gql(q)).body.data).toEqual({ items: { totalCount: 120 } });
    const first = jvmReady.exec(server.output())!;
    const jvmPid = Number(first[1]);
    expect(isAlive(jvmPid)).toBe(true);
    const logLength = server.output().length;

    process.kill(jvmPid, 'SIGKILL');
    // The first request after the kill cannot be served (the restart takes longer than the driver's retry time).
    const down = await gql(q);
    expect(down.body.errors?.[0]?.extensions, JSON.stringify(down.body)).toMatchObject({ code: 'UNAVAILABLE', retryAfterSeconds: 5 });
    // Then every answer is either that coded error or, once the restarted JVM is up, the data again.
    let body: GqlBody = {};
    await waitUntil('the server answers again', async () => {
      body = (await gql(q)).body;
      if (body.errors !== undefined) expect(body.errors[0]?.extensions, JSON.stringify(body)).toMatchObject({ code: 'UNAVAILABLE', retryAfterSeconds: 5 });
      return body.errors === undefined;
    }, 240_000, 500);
    await server.waitFor(/exited unexpectedly \(signal SIGKILL\)/, 30_000, logLength);
    const again = await server.waitFor(jvmReady, 30_000, logLength);
    expect(Number(again[1])).not.toBe(jvmPid);
    expect(again[2]).toBe(first[2]); // same port: the driver reconnected by itself
    expect(body.data).toEqual({ items: { totalCount: 120 } });
    // The log reaches us on the child's stderr pipe, which is not ordered with the HTTP answer: wait for it.
    await server.waitFor(/Neo4j is available again/, 30_000, logLength);
    const after = server.output().slice(logLength);
    expect(after.match(/Neo4j is unavailable/g) ?? []).toHaveLength(1);
    expect(server.proc.exitCode).toBeNull();
  }, 300_000);

  it('SIGTERM under load: every request gets a response (finished, or 503 UNAVAILABLE past the grace), then exit 0', async () => {
    const bolt = jvmReady.exec(server.output().slice(server.output().lastIndexOf('embedded Neo4j')))![2]!;
    driver = neo4j.driver(bolt);
    // Transactions of ours hold the locks on u1 and u2, so writes to them stay in flight until we let go:
    // u1 is released during the grace period (those requests finish), u2 only after it (cut off: 503).
    const lock = async (id: string) => {
      const session = driver!.session();
      const tx = session.beginTransaction();
      await tx.run('MATCH (u:User {id: $id}) SET u.lockedByTest = true', { id });
      return { release: async () => { await tx.rollback().catch(() => undefined); await session.close().catch(() => undefined); } };
    };
    const u1 = await lock('u1');
    const u2 = await lock('u2');
    const upsert = (id: string, name: string) => gql('mutation($in: UpsertUserInput!) { upsertUser(input: $in) { id name } }', { in: { id, name } })
      .catch((e: unknown) => ({ status: 0, body: { errors: [{ message: String(e) }] } as GqlBody }));
    const finishing = [upsert('u1', 'A'), upsert('u1', 'B'), upsert('u1', 'C')];
    const cutOff = upsert('u2', 'D');
    // Every request has reached the server and waits on a lock before the signal is sent.
    const blocked = async () => {
      const s = driver!.session();
      try {
        const r = await s.run("SHOW TRANSACTIONS YIELD status WHERE status STARTS WITH 'Blocked' RETURN count(*) AS n");
        return Number(r.records[0]?.get('n')) === 4;
      } finally {
        await s.close();
      }
    };
    await waitUntil('four writes wait on the locks', blocked, 60_000, 200);

    process.kill(server.pid, 'SIGTERM');
    await server.waitFor(/shutting down: accepting no new requests/, 30_000);
    await u1.release();
    const done = await Promise.all(finishing);
    const cut = await cutOff;
    await u2.release();

    for (const r of done) expect(r, JSON.stringify(r)).toMatchObject({ status: 200, body: { data: { upsertUser: { id: 'u1' } } } });
    expect(cut.status, JSON.stringify(cut)).toBe(503);
    expect(cut.body.errors?.[0]?.extensions).toMatchObject({ code: 'UNAVAILABLE', reason: 'SHUTTING_DOWN', retryAfterSeconds: 5 });
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(server.output()).toMatch(/"finished":3,"cutOff":1/);
    expect(server.output()).toMatch(/"msg":"stopped"/);
  }, 180_000);
});
