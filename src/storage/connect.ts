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
  /** Process id of the embedded JVM now serving (changes after a supervised restart); undefined if external. */
  readonly neo4jPid: number | undefined;
  /** Liveness probe for readiness endpoints. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export type GraphLog = (msg: string, level?: 'info' | 'warn' | 'error') => void;

export interface ConnectOverrides {
  readonly storeDir?: string;
  readonly port?: number;
  /** Transaction timeout of this connection's executor (the CLI passes the longer batch timeout). */
  readonly txTimeoutMs?: number;
  /**
   * Supervise the embedded JVM (the server does; the CLI does not: its load fails with UNAVAILABLE and
   * exits non-zero, and loading again is idempotent). On an unexpected exit the JVM is restarted on the
   * same store and port, so the driver reconnects by itself; when restarts are exhausted or one fails,
   * `onFatal` is called (the server then exits non-zero for an orchestrator to restart it).
   */
  readonly supervise?: { readonly onFatal: (reason: string) => void };
}

/** Restarts allowed within this window (GREC_NEO4J_RESTARTS); a crash loop beyond it is fatal. */
const RESTART_WINDOW_MS = 10 * 60_000;

/**
 * Connects to NEO4J_URI, or (unset) starts the embedded Neo4j from neo4j-local/ and connects to it.
 * The embedded store lives in `local.storeDir` (override per run for throwaway stores).
 */
export async function connectGraph(cfg: Neo4jConfig, log: GraphLog, overrides: ConnectOverrides = {}): Promise<GraphConnection> {
  let local: LocalNeo4j | undefined;
  let uri = cfg.uri;
  const storeDir = overrides.storeDir ?? cfg.local.storeDir;
  const startLocal = async (port: number): Promise<LocalNeo4j> => {
    const started = Date.now();
    const neo = await startLocalNeo4j({
      moduleDir: cfg.local.moduleDir,
      homeDir: storeDir,
      port,
      heap: cfg.local.heap,
      pageCache: cfg.local.pageCache,
      javaBin: cfg.local.javaBin,
      log,
    });
    log(`embedded Neo4j ${neo.version} (pid ${neo.pid}) ready at ${neo.boltUri} in ${Date.now() - started} ms (store ${storeDir})`);
    return neo;
  };
  if (uri === undefined) {
    local = await startLocal(overrides.port ?? cfg.local.port);
    uri = local.boltUri;
  }
  const auth = cfg.user !== undefined ? neo4j.auth.basic(cfg.user, cfg.password ?? '') : undefined;
  const t = cfg.timeouts;
  const driver: Driver = neo4j.driver(uri, auth, {
    maxConnectionPoolSize: 50,
    connectionAcquisitionTimeout: t.acquireMs,
    connectionTimeout: t.connectMs,
    maxTransactionRetryTime: t.retryMs,
    disableLosslessIntegers: false,
  });
  try {
    await driver.getServerInfo(cfg.database !== undefined ? { database: cfg.database } : {});
  } catch (err) {
    await driver.close();
    await local?.stop();
    throw new AppError('UNAVAILABLE', `cannot reach Neo4j at ${uri}: ${(err as Error).message}`);
  }
  const executor = new Executor(driver, cfg.database, {
    txTimeoutMs: overrides.txTimeoutMs ?? t.txMs,
    onHealthChange: (healthy, detail) => log(healthy ? `Neo4j is available again` : `Neo4j is unavailable: ${detail}`, healthy ? 'info' : 'warn'),
  });

  let closing = false;
  const restarts: number[] = [];
  const supervise = (neo: LocalNeo4j): void => {
    neo.onUnexpectedExit((how, stderr) => {
      if (closing) return;
      log(`embedded Neo4j (pid ${neo.pid}) exited unexpectedly (${how}); stderr tail:\n${stderr}`, 'error');
      if (overrides.supervise === undefined) return;
      const now = Date.now();
      while (restarts.length > 0 && now - (restarts[0] ?? now) > RESTART_WINDOW_MS) restarts.shift();
      if (restarts.length >= cfg.maxRestarts) {
        overrides.supervise.onFatal(`embedded Neo4j died ${restarts.length + 1} times within ${RESTART_WINDOW_MS / 60_000} minutes (GREC_NEO4J_RESTARTS=${cfg.maxRestarts})`);
        return;
      }
      restarts.push(now);
      // Same port as before (the driver keeps its URI and reconnects), even when the first start chose it.
      const port = Number(new URL(neo.boltUri.replace(/^bolt/, 'http')).port);
      log(`restarting embedded Neo4j on ${neo.boltUri} (restart ${restarts.length} of ${cfg.maxRestarts})`, 'warn');
      startLocal(port).then(
        async (next) => {
          local = next;
          if (closing) await next.stop();
          else supervise(next);
        },
        (err: unknown) => overrides.supervise?.onFatal(`embedded Neo4j could not be restarted: ${(err as Error).message}`),
      );
    });
  };
  if (local !== undefined) supervise(local);

  return {
    executor,
    boltUri: uri,
    mode: local !== undefined ? 'embedded' : 'external',
    get neo4jPid() {
      return local?.pid;
    },
    async ping() {
      try {
        await driver.getServerInfo(cfg.database !== undefined ? { database: cfg.database } : {});
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      closing = true;
      executor.refuseNewWork();
      await driver.close();
      await local?.stop();
    },
  };
}
