import { resolve } from 'node:path';
import { z } from 'zod';
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
  GREC_MAX_ALIASES: z.coerce.number().int().min(0).default(15),
  GREC_MAX_TOKENS: z.coerce.number().int().min(50).default(2000),
  GREC_MAX_DIRECTIVES: z.coerce.number().int().min(0).default(50),
  GREC_MAX_COST: z.coerce.number().int().min(1).default(2000),
  GREC_MAX_LIST_LENGTH: z.coerce.number().int().min(1).default(1000),
  GREC_MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(1_000_000),
  GREC_RATE_LIMIT: z.coerce.number().int().min(0).default(300),
  GREC_RATE_WINDOW_S: z.coerce.number().int().min(1).default(60),
  GREC_RATE_LIMIT_BY_ROLE: z.string().regex(/^(\s*[a-z]+\s*=\s*\d+\s*)(,\s*[a-z]+\s*=\s*\d+\s*)*$|^$/, 'must look like anonymous=60,service=3000').default(''),
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
  readonly dataDir: string;
  readonly demoPreset: 'tiny' | 'small' | 'large';
  readonly http: { readonly host: string; readonly port: number };
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly mode: Mode;
  readonly web: WebConfig;
  readonly limits: LimitsConfig;
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
  const production = e.NODE_ENV === 'production' || e.GREC_MODE === 'production';
  const mode: Mode = production ? 'production' : 'development';
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
    http: { host: e.HOST, port: e.PORT },
    logLevel: e.LOG_LEVEL,
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
