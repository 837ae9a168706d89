import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphConnection } from '../../src/storage/connect.ts';
import { ConsoleCypherStore } from '../../src/storage/console-cypher-store.ts';
import { CypherRunner } from '../../src/usecases/console/cypher-runner.ts';
import { SYSTEM } from '../../src/domain/principal.ts';
import { isAppError } from '../../src/domain/errors.ts';
import { bearer, createTestApi, type Gql } from '../support/api.ts';
import { openTestGraph } from '../support/graph.ts';
import { writeConsoleShop } from './console-shop.ts';

const RUN = 'query($file: String, $query: String, $params: [CypherParamInput!], $maxRows: Int) { runCypher(file: $file, query: $query, params: $params, maxRows: $maxRows) { columns rows truncated maxRows queryType } }';
type Result = { columns: string[]; rows: unknown[][]; truncated: boolean; maxRows: number; queryType: string };

describe('runCypher / cypherFiles: the console\'s read-only Cypher runner', () => {
  let graph: GraphConnection;
  let gql: Gql;
  const analyst = bearer('analyst');
  const run = async (vars: Record<string, unknown>) => {
    const r = await gql(RUN, vars, analyst);
    return { data: r.body.data?.['runCypher'] as Result | undefined, code: r.body.errors?.[0]?.extensions?.['code'], message: r.body.errors?.[0]?.message };
  };
  const snapshot = async () => JSON.stringify(await graph.executor.read('MATCH (n) RETURN labels(n) AS l, properties(n) AS p ORDER BY elementId(n)'));

  beforeAll(async () => {
    graph = await openTestGraph();
    gql = createTestApi(graph).gql;
    await writeConsoleShop(graph, gql);
  });
  afterAll(async () => graph.close());

  it('lists the library with descriptions, documented parameters and each file\'s kind', async () => {
    const r = await gql('{ cypherFiles { name kind description params { name literal } } }', {}, analyst);
    const files = r.body.data?.['cypherFiles'] as { name: string; kind: string; description: string; params: { name: string; literal: string }[] }[];
    const journey = files.find((f) => f.name === 'analytics/journey')!;
    expect(journey.kind).toBe('read');
    expect(journey.params).toEqual([{ name: 'userId', literal: "'u1'" }, { name: 'from', literal: 'null' }, { name: 'to', literal: 'null' }, { name: 'gapMs', literal: '1800000' }]);
    expect(journey.description).toMatch(/^One user's state path: their events/);
    expect(files.find((f) => f.name === 'admin/wipe')?.kind).toBe('write');
    expect(files.filter((f) => f.name.startsWith('schema/')).every((f) => f.kind === 'schema')).toBe(true);
  });

  it('runs an ad-hoc read and a library file with a parameter overridden, as the API returns them', async () => {
    expect((await run({ query: 'MATCH (u:User) RETURN u.id AS id, u.age AS age ORDER BY id' })).data).toEqual({
      columns: ['id', 'age'], rows: [['u1', 31], ['u2', 45], ['u3', 28], ['u4', 52], ['u5', 39]], truncated: false, maxRows: 200, queryType: 'r',
    });
    const counts = await run({ file: 'admin/counts' });
    expect(counts.data?.rows.filter((row) => row[0] === 'User' || row[0] === 'FRIEND')).toEqual([['User', 'node', 5], ['FRIEND', 'relationship', 3]]);
    const journey = await run({ file: 'analytics/journey', params: [{ name: 'userId', literal: "'u3'" }] });
    expect(journey.code).toBeUndefined();
    expect(journey.data?.columns).toEqual(['userId', 'events']);
    const [userId, events] = journey.data?.rows[0] as [string, { type: string; itemId: string; newSession: boolean }[]];
    expect([userId, events.map((e) => [e.type, e.itemId, e.newSession])]).toEqual(['u3', [['view', 'i3', true], ['purchase', 'i3', false]]]);
  });

  it('keeps nodes, relationships and paths as structures, and caps the rows', async () => {
    const r = await run({ query: "MATCH p = (a:User {id: 'u1'})-[f:FOLLOWS]->(b) RETURN a, f, p" });
    const [a, f, p] = r.data!.rows[0] as [Record<string, { id: string; labels?: string[]; properties: Record<string, unknown>; type?: string; start?: string; end?: string }>, Record<string, { type: string; start: string; end: string }>, Record<string, { nodes: unknown[]; rels: unknown[] }>];
    expect(a['~node']?.labels).toEqual(['User']);
    expect(a['~node']?.properties['name']).toBe('Ann');
    expect(f['~rel']?.type).toBe('FOLLOWS');
    expect(f['~rel']?.start).toBe(a['~node']?.id);
    expect(p['~path']?.nodes.length).toBe(2);
    expect(p['~path']?.rels.length).toBe(1);
    const capped = await run({ query: 'UNWIND range(1, 50) AS x RETURN x', maxRows: 3 });
    expect(capped.data).toMatchObject({ rows: [[1], [2], [3]], truncated: true, maxRows: 3 });
    expect((await run({ query: 'RETURN 1', maxRows: 1001 })).code).toBe('INVALID_INPUT');
  });

  it('refuses writes, schema changes, file access and non-db procedures, and leaves the graph as it was', async () => {
    const before = await snapshot();
    for (const query of [
      'CREATE (n:Hack) RETURN n', 'MATCH (n) DETACH DELETE n', "MATCH (u:User {id: 'u1'}) SET u.name = 'x' RETURN u",
      'CREATE INDEX hack FOR (n:Hack) ON (n.x)', "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line", 'CALL dbms.components()',
    ]) {
      const r = await run({ query });
      expect([query, r.code]).toEqual([query, 'FORBIDDEN']);
    }
    // A parameter literal cannot smuggle a write in either (it is planned as `RETURN <literal> AS v` first).
    const smuggled = await run({ query: 'RETURN $x', params: [{ name: 'x', literal: '1 AS v CREATE (h:Hack) RETURN h //' }] });
    expect(['FORBIDDEN', 'INVALID_INPUT']).toContain(smuggled.code);
    expect((await run({ file: 'admin/wipe' })).code).toBe('FORBIDDEN');
    expect(await snapshot()).toBe(before);
  });

  it('reports mistakes as INVALID_INPUT with Neo4j\'s message', async () => {
    const bad = await run({ query: 'MATCH (u:User RETURN u' });
    expect(bad.code).toBe('INVALID_INPUT');
    expect(bad.message).toMatch(/Invalid input/);
    expect((await run({ query: 'RETURN 1', file: 'admin/counts' })).code).toBe('INVALID_INPUT');
    expect((await run({})).code).toBe('INVALID_INPUT');
    expect((await run({ file: '../package' })).code).toBe('INVALID_INPUT');
  });

  it('stops a statement at its timeout with UNAVAILABLE (reason TIMEOUT)', async () => {
    const runner = new CypherRunner(new ConsoleCypherStore(graph.executor), 50);
    const err = await runner.run(SYSTEM, { query: 'UNWIND range(1, 50000000) AS x WITH x WHERE x % 7 = 99 RETURN count(x)' }).catch((e: unknown) => e);
    expect(isAppError(err) ? [err.code, err.details['reason']] : err).toEqual(['UNAVAILABLE', 'TIMEOUT']);
    expect(await graph.ping()).toBe(true);
  });
});
