import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { connectGraph, type GraphConnection } from '../../src/storage/connect.ts';
import { openTestGraph } from '../support/graph.ts';

const failure = async (p: Promise<unknown>): Promise<{ code?: unknown; details?: unknown; message?: unknown }> => {
  try {
    await p;
  } catch (e) {
    return e as { code?: unknown; details?: unknown; message?: unknown };
  }
  throw new Error('expected a failure');
};

describe('Executor: transaction timeout and coded unavailability', () => {
  let graph: GraphConnection;
  let short: GraphConnection;
  const logs: { msg: string; level: string }[] = [];

  beforeAll(async () => {
    graph = await openTestGraph();
    await graph.executor.write('CREATE (:User {id: "locked"})');
    // A second connection whose transactions time out after 1 s (GREC_NEO4J_TX_TIMEOUT_MS).
    short = await connectGraph({ ...loadConfig().neo4j, uri: inject('neo4jUri') }, (msg, level = 'info') => logs.push({ msg, level }), { txTimeoutMs: 1_000 });
  });
  afterAll(async () => {
    await short.close();
    await graph.close();
  });

  it('a query stuck behind a lock ends with UNAVAILABLE (reason TIMEOUT, retry hint), logged once; recovery logged once', async () => {
    let release: () => void = () => {};
    const released = new Promise<void>((r) => {
      release = r;
    });
    let locked: () => void = () => {};
    const isLocked = new Promise<void>((r) => {
      locked = r;
    });
    // Holds the write lock on the node until released (an open transaction of another client).
    const holder = graph.executor.writeTx(async (tx) => {
      await tx.run('MATCH (u:User {id: "locked"}) SET u.holder = true');
      locked();
      await released;
    });
    await isLocked;
    try {
      for (let k = 0; k < 2; k++) {
        const err = await failure(short.executor.write('MATCH (u:User {id: "locked"}) SET u.other = $k', { k }));
        expect(err).toMatchObject({ code: 'UNAVAILABLE', details: { reason: 'TIMEOUT', retryAfterSeconds: 5 } });
        expect(String(err.message)).toBe('the query did not finish within 1000 ms');
      }
    } finally {
      release();
      await holder;
    }
    expect(await short.executor.read('MATCH (u:User {id: "locked"}) RETURN u.holder AS h, u.other AS o')).toEqual([{ h: true, o: null }]);
    expect(logs.filter((l) => l.msg.startsWith('Neo4j is unavailable'))).toHaveLength(1);
    expect(logs.filter((l) => l.msg.startsWith('Neo4j is unavailable'))[0]?.level).toBe('warn');
    expect(logs.filter((l) => l.msg === 'Neo4j is available again')).toHaveLength(1);
  });

  it('after close() begins, new work is refused with UNAVAILABLE (SHUTTING_DOWN) instead of racing the driver', async () => {
    const other = await connectGraph({ ...loadConfig().neo4j, uri: inject('neo4jUri') }, () => {});
    await other.close();
    const err = await failure(other.executor.read('RETURN 1 AS one'));
    expect(err).toMatchObject({ code: 'UNAVAILABLE', details: { reason: 'SHUTTING_DOWN', retryAfterSeconds: 5 } });
  });
});
