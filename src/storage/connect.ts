import neo4j, { type Driver } from 'neo4j-driver';
import type { Neo4jConfig } from '../config.ts';
import { AppError } from '../domain/errors.ts';
import { Executor } from './executor.ts';
import { startLocalNeo4j, type LocalNeo4j } from './local-neo4j/launcher.ts';

export interface GraphConnection {
  readonly executor: Executor;
  /** Where we are connected, for logs and health output. */
  readonly boltUri: string;
  /** "embedded" when this process started the local Neo4j. */
  readonly mode: 'embedded' | 'external';
  /** Liveness probe for readiness endpoints. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * Connects to NEO4J_URI, or (unset) starts the embedded Neo4j from neo4j-local/ and connects to it.
 * The embedded store lives in `local.storeDir` (override per run for throwaway stores).
 */
export async function connectGraph(
  cfg: Neo4jConfig,
  log: (msg: string) => void,
  overrides: { storeDir?: string; port?: number } = {},
): Promise<GraphConnection> {
  let local: LocalNeo4j | undefined;
  let uri = cfg.uri;
  if (uri === undefined) {
    const started = Date.now();
    local = await startLocalNeo4j({
      moduleDir: cfg.local.moduleDir,
      homeDir: overrides.storeDir ?? cfg.local.storeDir,
      port: overrides.port ?? cfg.local.port,
      heap: cfg.local.heap,
      pageCache: cfg.local.pageCache,
      javaBin: cfg.local.javaBin,
      log,
    });
    uri = local.boltUri;
    log(`embedded Neo4j ${local.version} ready at ${uri} in ${Date.now() - started} ms (store ${overrides.storeDir ?? cfg.local.storeDir})`);
  }
  const auth = cfg.user !== undefined ? neo4j.auth.basic(cfg.user, cfg.password ?? '') : undefined;
  const driver: Driver = neo4j.driver(uri, auth, {
    maxConnectionPoolSize: 50,
    connectionAcquisitionTimeout: 30_000,
    disableLosslessIntegers: false,
  });
  try {
    await driver.getServerInfo(cfg.database !== undefined ? { database: cfg.database } : {});
  } catch (err) {
    await driver.close();
    await local?.stop();
    throw new AppError('UNAVAILABLE', `cannot reach Neo4j at ${uri}: ${(err as Error).message}`);
  }
  const executor = new Executor(driver, cfg.database);
  return {
    executor,
    boltUri: uri,
    mode: local !== undefined ? 'embedded' : 'external',
    async ping() {
      try {
        await driver.getServerInfo(cfg.database !== undefined ? { database: cfg.database } : {});
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await driver.close();
      await local?.stop();
    },
  };
}
