import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../src/config.ts';
import { startLocalNeo4j, type LocalNeo4j } from '../../src/storage/local-neo4j/launcher.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
  }
}

/**
 * One real Neo4j per test run: the one NEO4J_URI names, or an embedded one on a fresh store in a temp dir
 * (no lock or leftover-data problems), stopped and deleted at the end.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cfg = loadConfig();
  if (cfg.neo4j.uri !== undefined) {
    project.provide('neo4jUri', cfg.neo4j.uri);
    return async () => {};
  }
  const storeDir = mkdtempSync(join(tmpdir(), 'grec-test-neo4j-'));
  const t0 = Date.now();
  const neo: LocalNeo4j = await startLocalNeo4j({
    moduleDir: cfg.neo4j.local.moduleDir,
    homeDir: storeDir,
    port: 0,
    heap: process.env['GREC_TEST_NEO4J_HEAP'] ?? '1g',
    pageCache: '256m',
    javaBin: cfg.neo4j.local.javaBin,
    importDir: join(storeDir, 'import'),
  });
  process.stderr.write(`[global-setup] embedded Neo4j ${neo.version} at ${neo.boltUri} in ${Date.now() - t0} ms\n`);
  project.provide('neo4jUri', neo.boltUri);
  return async () => {
    await neo.stop();
    rmSync(storeDir, { recursive: true, force: true });
  };
}
