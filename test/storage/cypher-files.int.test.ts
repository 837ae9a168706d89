import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher, listCypherFiles } from '../../src/storage/cypher-files.ts';
import { documentedParams } from '../../src/storage/cypher-params.ts';
import type { GraphConnection } from '../../src/storage/connect.ts';
import { openTestGraph } from '../support/graph.ts';

/**
 * Every query the product runs lives in cypher/. EXPLAIN each one with its documented `:param` values
 * (the literals are evaluated by Neo4j itself), so no file can rot unnoticed; and every parameter the
 * query uses must be documented, so analysts can run it as is.
 */
describe('cypher/ files', () => {
  let graph: GraphConnection;
  beforeAll(async () => {
    graph = await openTestGraph();
  });
  afterAll(async () => graph.close());

  const files = listCypherFiles().filter((f) => !f.startsWith('schema/'));

  it('there are query files to check', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files)('%s passes EXPLAIN with its documented parameters', async (name) => {
    const text = cypher(name);
    const params: Record<string, unknown> = {};
    for (const p of documentedParams(text)) {
      const [row] = await graph.executor.read(`RETURN ${p.literal} AS v`);
      params[p.name] = row?.['v'];
    }
    const used = new Set([...text.replace(/\/\/.*$/gm, '').matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]));
    const missing = [...used].filter((u) => u !== undefined && !(u in params));
    expect(missing, `${name}: parameters without a ':param' line`).toEqual([]);
    await graph.executor.autoCommit(`EXPLAIN\n${text}`, params);
  });
});
