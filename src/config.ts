import { resolve } from 'node:path';
import { z } from 'zod';
import { AppError } from './domain/errors.ts';

/**
 * The only reader of process.env. Parsed and validated once; everything else receives a Config.
 * NEO4J_URI unset means "start the embedded Neo4j from neo4j-local/" (the zero-setup default).
 */
const schema = z.object({
  NEO4J_URI: z.string().regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\//, 'must start with bolt:// or neo4j://').optional(),
  NEO4J_USER: z.string().optional(),
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z.string().min(1).optional(),
  GREC_STORE_DIR: z.string().default('.data/neo4j'),
  GREC_NEO4J_PORT: z.coerce.number().int().min(0).max(65535).default(7687),
  GREC_NEO4J_HEAP: z.string().regex(/^\d+[mgMG]$/).default('1g'),
  GREC_NEO4J_PAGECACHE: z.string().regex(/^\d+[mgMG]$/).default('512m'),
  GREC_JAVA: z.string().optional(),
  JAVA_HOME: z.string().optional(),
  GREC_DATA_DIR: z.string().default('../shared/data'),
  GREC_DEMO_PRESET: z.enum(['tiny', 'small', 'large']).default('small'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  GREC_MAX_DEPTH: z.coerce.number().int().min(1).default(8),
  GREC_NEO4J_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(5_000),
  GREC_NEO4J_ACQUIRE_TIMEOUT_MS: z.coerce.number().int().min(100).default(5_000),
  GREC_NEO4J_TX_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
  GREC_NEO4J_BATCH_TX_TIMEOUT_MS: z.coerce.number().int().min(100).default(600_000),
  GREC_NEO4J_RETRY_MS: z.coerce.number().int().min(0).default(3_000),
  GREC_NEO4J_RESTARTS: z.coerce.number().int().min(0).max(100).default(3),
  GREC_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  GREC_AUTO_CREATE: z.enum(['true', 'false', '1', '0']).default('false'),
});

export interface Neo4jConfig {
  /** Undefined: start the embedded default. */
  readonly uri: string | undefined;
  readonly user: string | undefined;
  readonly password: string | undefined;
  readonly database: string | undefined;
  readonly local: {
    readonly moduleDir: string;
    readonly storeDir: string;
    readonly port: number;
    readonly heap: string;
    readonly pageCache: string;
    readonly javaBin: string;
  };
  readonly timeouts: Neo4jTimeouts;
  /**
   * GREC_NEO4J_RESTARTS: how often the embedded JVM is restarted (same store, same port) after it dies
   * unexpectedly, within 10 minutes; beyond that, or with 0, the server exits non-zero for an orchestrator.
   */
  readonly maxRestarts: number;
}

/** Fail fast when the database is gone, instead of every request hanging for the driver's 30-60 s defaults. */
export interface Neo4jTimeouts {
  /** GREC_NEO4J_CONNECT_TIMEOUT_MS: opening a TCP/Bolt connection. */
  readonly connectMs: number;
  /** GREC_NEO4J_ACQUIRE_TIMEOUT_MS: waiting for a pooled connection (pool full or database gone). */
  readonly acquireMs: number;
  /** GREC_NEO4J_TX_TIMEOUT_MS: every transaction of the server (requests). */
  readonly txMs: number;
  /** GREC_NEO4J_BATCH_TX_TIMEOUT_MS: every transaction of the CLI (batch loads write 10k rows per transaction). */
  readonly batchTxMs: number;
  /** GREC_NEO4J_RETRY_MS: how long managed transactions retry transient errors (deadlocks, a lost connection). */
  readonly retryMs: number;
}

/** The live write path (GraphQL mutations). */
export interface LiveConfig {
  /** GREC_AUTO_CREATE: events and social edges naming unknown users/items create them (default: NOT_FOUND). */
  readonly autoCreate: boolean;
}

/** How the server stops (SIGTERM/SIGINT). */
export interface ShutdownConfig {
  /** GREC_SHUTDOWN_GRACE_MS: in-flight requests get this long to finish; the rest are answered 503 UNAVAILABLE. */
  readonly graceMs: number;
}

export interface Config {
  readonly neo4j: Neo4jConfig;
  readonly live: LiveConfig;
  readonly shutdown: ShutdownConfig;
  readonly dataDir: string;
  readonly demoPreset: 'tiny' | 'small' | 'large';
  readonly http: { readonly host: string; readonly port: number; readonly maxDepth: number };
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

/** The repository root (this file lives in src/). */
export const PROJECT_ROOT = resolve(import.meta.dirname, '..');

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new AppError('INVALID_INPUT', `invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  const javaBin = e.GREC_JAVA ?? (e.JAVA_HOME !== undefined ? resolve(e.JAVA_HOME, 'bin', 'java') : 'java');
  return {
    neo4j: {
      uri: e.NEO4J_URI,
      user: e.NEO4J_USER,
      password: e.NEO4J_PASSWORD,
      database: e.NEO4J_DATABASE,
      local: {
        moduleDir: resolve(PROJECT_ROOT, 'neo4j-local'),
        storeDir: resolve(PROJECT_ROOT, e.GREC_STORE_DIR),
        port: e.GREC_NEO4J_PORT,
        heap: e.GREC_NEO4J_HEAP,
        pageCache: e.GREC_NEO4J_PAGECACHE,
        javaBin,
      },
      timeouts: {
        connectMs: e.GREC_NEO4J_CONNECT_TIMEOUT_MS,
        acquireMs: e.GREC_NEO4J_ACQUIRE_TIMEOUT_MS,
        txMs: e.GREC_NEO4J_TX_TIMEOUT_MS,
        batchTxMs: e.GREC_NEO4J_BATCH_TX_TIMEOUT_MS,
        retryMs: e.GREC_NEO4J_RETRY_MS,
      },
      maxRestarts: e.GREC_NEO4J_RESTARTS,
    },
    shutdown: { graceMs: e.GREC_SHUTDOWN_GRACE_MS },
    live: { autoCreate: e.GREC_AUTO_CREATE === 'true' || e.GREC_AUTO_CREATE === '1' },
    dataDir: resolve(PROJECT_ROOT, e.GREC_DATA_DIR),
    demoPreset: e.GREC_DEMO_PRESET,
    http: { host: e.HOST, port: e.PORT, maxDepth: e.GREC_MAX_DEPTH },
    logLevel: e.LOG_LEVEL,
  };
}
