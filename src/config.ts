import { resolve } from 'node:path';
import { z } from 'zod';
import type { Consent } from './domain/consent.ts';
import { AppError } from './domain/errors.ts';

/**
 * The only reader of process.env. Parsed and validated once; everything else receives a Config.
 * NEO4J_URI unset means "start the embedded Neo4j from neo4j-local/" (the zero-setup default).
 */
const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

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
  // ---- mode, web exposure and abuse limits (README "Limits") ----
  NODE_ENV: z.string().optional(),
  GREC_MODE: z.enum(['development', 'production']).optional(),
  GREC_GRAPHIQL: booleanFlag.optional(),
  GREC_INTROSPECTION: booleanFlag.optional(),
  // An origin is scheme://host[:port], no path and no trailing slash: browsers send exactly that.
  GREC_CORS_ORIGINS: z.string().regex(/^\s*$|^(\s*https?:\/\/[^/\s,]+\s*)(,\s*https?:\/\/[^/\s,]+\s*)*$/, 'must be comma-separated origins like https://shop.example').default(''),
  GREC_MAX_DEPTH: z.coerce.number().int().min(1).default(8),
  GREC_JWT_SECRET: z.string().min(32, 'must be at least 32 characters (HS256 needs a strong shared secret)').optional(),
  GREC_JWKS_URL: z.string().url().optional(),
  GREC_JWT_ISSUER: z.string().min(1).optional(),
  GREC_JWT_AUDIENCE: z.string().min(1).optional(),
  GREC_JWT_ROLE_CLAIM: z.string().min(1).default('role'),
  GREC_API_KEY_CACHE_MS: z.coerce.number().int().min(0).default(10_000),
  GREC_DEV_SHOPPER: z.string().min(1).optional(),
  GREC_METRICS: z.enum(['on', 'off']).default('on'),
  GREC_METRICS_TOKEN: z.string().min(16, 'use at least 16 characters').optional(),
  GREC_MAX_ALIASES: z.coerce.number().int().min(0).default(15),
  GREC_MAX_TOKENS: z.coerce.number().int().min(50).default(2000),
  GREC_MAX_DIRECTIVES: z.coerce.number().int().min(0).default(50),
  GREC_MAX_COST: z.coerce.number().int().min(1).default(2000),
  GREC_MAX_LIST_LENGTH: z.coerce.number().int().min(1).default(1000),
  GREC_MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(1_000_000),
  GREC_RATE_LIMIT: z.coerce.number().int().min(0).default(300),
  GREC_RATE_WINDOW_S: z.coerce.number().int().min(1).default(60),
  GREC_RATE_LIMIT_BY_ROLE: z.string().regex(/^(\s*[a-z]+\s*=\s*\d+\s*)(,\s*[a-z]+\s*=\s*\d+\s*)*$|^$/, 'must look like anonymous=60,service=3000').default(''),
  GREC_NEO4J_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(5_000),
  GREC_NEO4J_ACQUIRE_TIMEOUT_MS: z.coerce.number().int().min(100).default(5_000),
  GREC_NEO4J_TX_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
  GREC_NEO4J_BATCH_TX_TIMEOUT_MS: z.coerce.number().int().min(100).default(600_000),
  GREC_NEO4J_RETRY_MS: z.coerce.number().int().min(0).default(3_000),
  GREC_NEO4J_RESTARTS: z.coerce.number().int().min(0).max(100).default(3),
  GREC_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  GREC_AUTO_CREATE: z.enum(['true', 'false', '1', '0']).default('false'),
  // Privacy (README "Privacy"): defaults for missing consent flags, the erasure audit's salt, pseudonymisation.
  GREC_CONSENT_DEFAULT: z.enum(['granted', 'denied']).default('granted'),
  GREC_CONSENT_DEFAULT_PERSONALISATION: z.enum(['granted', 'denied']).optional(),
  GREC_CONSENT_DEFAULT_SOCIAL: z.enum(['granted', 'denied']).optional(),
  GREC_CONSENT_DEFAULT_ANALYTICS: z.enum(['granted', 'denied']).optional(),
  GREC_CONSENT_DEFAULT_MARKETING: z.enum(['granted', 'denied']).optional(),
  GREC_ERASURE_SALT: z.string().min(16, 'must be at least 16 characters').default('grec-development-erasure-salt'),
  // Empty counts as unset (docker compose passes `${GREC_PSEUDONYM_KEY:-}` through).
  GREC_PSEUDONYM_KEY: z.union([z.literal(''), z.string().min(32, 'must be at least 32 characters (a 256-bit key, e.g. `openssl rand -base64 32`)')]).optional(),
  GREC_PSEUDONYM_LENGTH: z.coerce.number().int().min(16).max(43).default(22),
  // The loop (README "Experiments and campaigns"): recommendation ids, attribution, scheduled refresh.
  GREC_REC_ID_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
  GREC_ATTRIBUTION_WINDOW_HOURS: z.coerce.number().positive().max(24 * 90).default(168),
  GREC_REFRESH_INTERVAL_MS: z.coerce.number().int().min(0).default(3_600_000),
  GREC_REFRESH_AFTER_EVENTS: z.coerce.number().int().min(0).default(10_000),
  GREC_FIT_WORKER_MIN_INTERACTIONS: z.coerce.number().int().min(0).default(20_000),
  GREC_REPLICA_SYNC_MS: z.coerce.number().int().min(0).default(1000),
  GREC_GRAPH_EASE_MAX_DIM: z.coerce.number().int().min(0).default(3000),
  GREC_SERVING_IN_MEMORY: booleanFlag.default(true),
  GREC_KEEP_PII: z.string().default('').transform((s, ctx) => {
    const cols = s.split(',').map((c) => c.trim()).filter((c) => c !== '');
    const bad = cols.filter((c) => !(PII_COLUMNS as readonly string[]).includes(c));
    if (bad.length > 0) ctx.addIssue({ code: 'custom', message: `unknown PII column(s) ${bad.join(', ')}; known: ${PII_COLUMNS.join(', ')}` });
    return cols as PiiColumn[];
  }),
});

/** User attributes that identify or profile a person: dropped on the way in when pseudonymisation is on. */
export const PII_COLUMNS = ['name', 'age', 'gender', 'location'] as const;
export type PiiColumn = (typeof PII_COLUMNS)[number];

export interface PrivacyConfig {
  /** Effective consent for a purpose the user never decided on. */
  readonly consentDefaults: Consent;
  /** Salt of the erasure audit's id hash (HMAC-SHA256): without it a hash of a guessable id is reversible. */
  readonly erasureSalt: string;
  /** When set, external user ids become HMAC-SHA256 pseudonyms before they reach the graph. */
  readonly pseudonym: { readonly key: string; readonly length: number } | null;
  /** PII columns kept when pseudonymising (all are dropped by default); ignored without a pseudonym key. */
  readonly keepPii: readonly PiiColumn[];
}

/** Development defaults: consent granted unless refused, no pseudonymisation (tests and scripts use these). */
export const DEFAULT_PRIVACY: PrivacyConfig = {
  consentDefaults: { personalisation: true, social: true, analytics: true, marketing: true },
  erasureSalt: 'grec-development-erasure-salt',
  pseudonym: null,
  keepPii: [],
};

export interface LoopConfig {
  /** Signs recommendation ids; GREC_REC_ID_KEY, else derived from the erasure salt (one per deployment). */
  readonly recIdKey: string;
  /** Interactions and purchases count for a page or offer within this many hours of it being served. */
  readonly attributionWindowHours: number;
  /** Scheduled refresh of the GRAPH model, profiles and segments: every N ms (0: off) ... */
  readonly refreshIntervalMs: number;
  /** ... and after N new events (0: off), whichever comes first. */
  readonly refreshAfterEvents: number;
  /**
   * GRAPH fits of at least this many interactions run in a worker thread (0: all); smaller ones in-thread,
   * where they take less than starting a worker. Undefined: 20,000 (graph-fitter.ts).
   */
  readonly fitWorkerMinInteractions?: number;
  /**
   * Several API replicas over one database (README "Deployment"): every N ms each replica publishes its
   * writes to the others and reads theirs (page-cache invalidation), and the scheduled refresh runs only on
   * the replica holding the refresh lease. 0 or undefined: a single instance (no change log, no lease).
   */
  readonly replicaSyncMs?: number;
  /**
   * The GRAPH model fits EASE while min(users, items) <= this, GF-CF above (graph-base.ts). Undefined: config.ts's
   * 3000, where EASE's dense inverse takes minutes and ~0.3 GB on 2 vCPU (bench:fit-scale).
   */
  readonly graphEaseMaxDim?: number;
  /** Whether uncached pages read the in-memory serving state (serving-config.ts). Undefined: on. */
  readonly servingInMemory?: boolean;
}

/** Tests and scripts: no scheduled refresh (they refresh when they mean to). */
export const DEFAULT_LOOP: LoopConfig = {
  recIdKey: 'grec-development-recommendation-ids',
  attributionWindowHours: 168,
  refreshIntervalMs: 0,
  refreshAfterEvents: 0,
};

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

/**
 * Who may call the API. Tokens are verified by @graphql-yoga/plugin-jwt with an HS256 shared secret or the
 * keys of a JWKS URL (a real identity provider); backend services send API keys (stored hashed). In
 * development without a secret, a random one is made at each start and ready-made tokens are printed;
 * the checks are the same as in production.
 */
export interface AuthConfig {
  readonly mode: Mode;
  readonly jwtSecret: string | undefined;
  readonly jwksUrl: string | undefined;
  readonly issuer: string | undefined;
  readonly audience: string | undefined;
  /** The claim holding the role (shopper, service, analyst, admin); `sub` is the shopper's user id. */
  readonly roleClaim: string;
  /** How long a looked-up API key is trusted before it is checked again (a revocation shows after this). */
  readonly apiKeyCacheMs: number;
  /** The user the printed development shopper token acts for (default: the first user by id). */
  readonly devShopper: string | undefined;
}

/** What a production deployment switches off unless asked (GraphiQL, introspection, field suggestions). */
export type Mode = 'development' | 'production';

/** Who may call the API from a browser, and what the API shows about itself. */
export interface WebConfig {
  /** Origins allowed cross-origin (CORS); empty: same-origin only. */
  readonly corsOrigins: readonly string[];
  readonly graphiql: boolean;
  readonly introspection: boolean;
}

/** Abuse limits of the GraphQL endpoint (README "Limits"). 0 rate points = no rate limit. */
export interface LimitsConfig {
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxTokens: number;
  readonly maxDirectives: number;
  readonly maxCost: number;
  readonly maxListLength: number;
  readonly maxBodyBytes: number;
  readonly rate: {
    readonly points: number;
    readonly windowSeconds: number;
    /** Points per window for a role (the part of the rate key before ':'), overriding `points`. */
    readonly byRole: Readonly<Record<string, number>>;
  };
}

export interface Config {
  readonly neo4j: Neo4jConfig;
  readonly live: LiveConfig;
  readonly shutdown: ShutdownConfig;
  readonly dataDir: string;
  readonly demoPreset: 'tiny' | 'small' | 'large';
  readonly http: { readonly host: string; readonly port: number };
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly mode: Mode;
  readonly web: WebConfig;
  readonly limits: LimitsConfig;
  readonly auth: AuthConfig;
  readonly observability: ObservabilityConfig;
  readonly privacy: PrivacyConfig;
  readonly loop: LoopConfig;
}

export interface ObservabilityConfig {
  /** Serve GET /metrics (Prometheus text format). */
  readonly metrics: boolean;
  /** When set, /metrics requires `Authorization: Bearer <token>`. */
  readonly metricsToken: string | undefined;
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
  // GREC_MODE wins over NODE_ENV (a production build may run a development server on purpose, and vice versa).
  const mode: Mode = e.GREC_MODE ?? (e.NODE_ENV === 'production' ? 'production' : 'development');
  const production = mode === 'production';
  if (mode === 'production' && e.GREC_JWT_SECRET === undefined && e.GREC_JWKS_URL === undefined) {
    throw new AppError('INVALID_INPUT', 'invalid configuration: production mode needs GREC_JWT_SECRET (HS256) or GREC_JWKS_URL to verify tokens');
  }
  if (production && env['GREC_ERASURE_SALT'] === undefined) {
    throw new AppError('INVALID_INPUT', 'invalid configuration: production mode needs GREC_ERASURE_SALT (the erasure audit keeps only a salted hash of erased ids)');
  }
  if (e.GREC_JWT_SECRET !== undefined && e.GREC_JWKS_URL !== undefined) {
    throw new AppError('INVALID_INPUT', 'invalid configuration: set GREC_JWT_SECRET or GREC_JWKS_URL, not both');
  }
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
    http: { host: e.HOST, port: e.PORT },
    logLevel: e.LOG_LEVEL,
    auth: {
      mode,
      jwtSecret: e.GREC_JWT_SECRET,
      jwksUrl: e.GREC_JWKS_URL,
      issuer: e.GREC_JWT_ISSUER,
      audience: e.GREC_JWT_AUDIENCE,
      roleClaim: e.GREC_JWT_ROLE_CLAIM,
      apiKeyCacheMs: e.GREC_API_KEY_CACHE_MS,
      devShopper: e.GREC_DEV_SHOPPER,
    },
    observability: { metrics: e.GREC_METRICS === 'on', metricsToken: e.GREC_METRICS_TOKEN },
    mode,
    web: {
      corsOrigins: e.GREC_CORS_ORIGINS.split(',').map((o) => o.trim()).filter((o) => o !== ''),
      graphiql: e.GREC_GRAPHIQL ?? !production,
      introspection: e.GREC_INTROSPECTION ?? !production,
    },
    limits: {
      maxDepth: e.GREC_MAX_DEPTH,
      maxAliases: e.GREC_MAX_ALIASES,
      maxTokens: e.GREC_MAX_TOKENS,
      maxDirectives: e.GREC_MAX_DIRECTIVES,
      maxCost: e.GREC_MAX_COST,
      maxListLength: e.GREC_MAX_LIST_LENGTH,
      maxBodyBytes: e.GREC_MAX_BODY_BYTES,
      rate: { points: e.GREC_RATE_LIMIT, windowSeconds: e.GREC_RATE_WINDOW_S, byRole: parseRoleLimits(e.GREC_RATE_LIMIT_BY_ROLE) },
    },
    privacy: {
      consentDefaults: {
        personalisation: (e.GREC_CONSENT_DEFAULT_PERSONALISATION ?? e.GREC_CONSENT_DEFAULT) === 'granted',
        social: (e.GREC_CONSENT_DEFAULT_SOCIAL ?? e.GREC_CONSENT_DEFAULT) === 'granted',
        analytics: (e.GREC_CONSENT_DEFAULT_ANALYTICS ?? e.GREC_CONSENT_DEFAULT) === 'granted',
        marketing: (e.GREC_CONSENT_DEFAULT_MARKETING ?? e.GREC_CONSENT_DEFAULT) === 'granted',
      },
      erasureSalt: e.GREC_ERASURE_SALT,
      pseudonym: e.GREC_PSEUDONYM_KEY === undefined || e.GREC_PSEUDONYM_KEY === '' ? null : { key: e.GREC_PSEUDONYM_KEY, length: e.GREC_PSEUDONYM_LENGTH },
      keepPii: e.GREC_KEEP_PII,
    },
    loop: {
      recIdKey: e.GREC_REC_ID_KEY ?? `derived:${e.GREC_ERASURE_SALT}`,
      attributionWindowHours: e.GREC_ATTRIBUTION_WINDOW_HOURS,
      refreshIntervalMs: e.GREC_REFRESH_INTERVAL_MS,
      refreshAfterEvents: e.GREC_REFRESH_AFTER_EVENTS,
      fitWorkerMinInteractions: e.GREC_FIT_WORKER_MIN_INTERACTIONS,
      replicaSyncMs: e.GREC_REPLICA_SYNC_MS,
      graphEaseMaxDim: e.GREC_GRAPH_EASE_MAX_DIM,
      servingInMemory: e.GREC_SERVING_IN_MEMORY,
    },
  };
}

/** "anonymous=60, service=3000" -> { anonymous: 60, service: 3000 } (the format is checked by the schema). */
function parseRoleLimits(spec: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of spec.split(',')) {
    const [role, points] = part.split('=').map((s) => s.trim());
    if (role !== undefined && role !== '' && points !== undefined) out[role] = Number(points);
  }
  return out;
}

/** The limits with every variable at its default (createApi without a configuration). */
export function defaultLimits(): LimitsConfig {
  return loadConfig({}).limits;
}
