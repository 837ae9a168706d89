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
  NODE_ENV: z.string().optional(),
  GREC_MODE: z.enum(['development', 'production']).optional(),
  GREC_JWT_SECRET: z.string().min(32, 'must be at least 32 characters (HS256 needs a strong shared secret)').optional(),
  GREC_JWKS_URL: z.string().url().optional(),
  GREC_JWT_ISSUER: z.string().min(1).optional(),
  GREC_JWT_AUDIENCE: z.string().min(1).optional(),
  GREC_JWT_ROLE_CLAIM: z.string().min(1).default('role'),
  GREC_API_KEY_CACHE_MS: z.coerce.number().int().min(0).default(10_000),
  GREC_DEV_SHOPPER: z.string().min(1).optional(),
  GREC_METRICS: z.enum(['on', 'off']).default('on'),
  GREC_METRICS_TOKEN: z.string().min(16, 'use at least 16 characters').optional(),
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
}

/**
 * Who may call the API. Tokens are verified by @graphql-yoga/plugin-jwt with an HS256 shared secret or the
 * keys of a JWKS URL (a real identity provider); backend services send API keys (stored hashed). In
 * development without a secret, a random one is made at each start and ready-made tokens are printed;
 * the checks are the same as in production.
 */
export interface AuthConfig {
  readonly mode: 'development' | 'production';
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

export interface Config {
  readonly neo4j: Neo4jConfig;
  readonly dataDir: string;
  readonly demoPreset: 'tiny' | 'small' | 'large';
  readonly http: { readonly host: string; readonly port: number; readonly maxDepth: number };
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly auth: AuthConfig;
  readonly observability: ObservabilityConfig;
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
  const mode = e.GREC_MODE ?? (e.NODE_ENV === 'production' ? 'production' : 'development');
  if (mode === 'production' && e.GREC_JWT_SECRET === undefined && e.GREC_JWKS_URL === undefined) {
    throw new AppError('INVALID_INPUT', 'invalid configuration: production mode needs GREC_JWT_SECRET (HS256) or GREC_JWKS_URL to verify tokens');
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
    },
    dataDir: resolve(PROJECT_ROOT, e.GREC_DATA_DIR),
    demoPreset: e.GREC_DEMO_PRESET,
    http: { host: e.HOST, port: e.PORT, maxDepth: e.GREC_MAX_DEPTH },
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
  };
}
