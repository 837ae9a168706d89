import { resolve } from 'node:path';
import { z } from 'zod';
import type { Consent } from './domain/consent.ts';
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
  // Privacy (README "Privacy"): defaults for missing consent flags, the erasure audit's salt, pseudonymisation.
  GREC_CONSENT_DEFAULT: z.enum(['granted', 'denied']).default('granted'),
  GREC_CONSENT_DEFAULT_PERSONALISATION: z.enum(['granted', 'denied']).optional(),
  GREC_CONSENT_DEFAULT_SOCIAL: z.enum(['granted', 'denied']).optional(),
  GREC_CONSENT_DEFAULT_ANALYTICS: z.enum(['granted', 'denied']).optional(),
  GREC_ERASURE_SALT: z.string().min(16, 'must be at least 16 characters').default('grec-development-erasure-salt'),
  // Empty counts as unset (docker compose passes `${GREC_PSEUDONYM_KEY:-}` through).
  GREC_PSEUDONYM_KEY: z.union([z.literal(''), z.string().min(32, 'must be at least 32 characters (a 256-bit key, e.g. `openssl rand -base64 32`)')]).optional(),
  GREC_PSEUDONYM_LENGTH: z.coerce.number().int().min(16).max(43).default(22),
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
  consentDefaults: { personalisation: true, social: true, analytics: true },
  erasureSalt: 'grec-development-erasure-salt',
  pseudonym: null,
  keepPii: [],
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
}

export interface Config {
  readonly neo4j: Neo4jConfig;
  readonly dataDir: string;
  readonly demoPreset: 'tiny' | 'small' | 'large';
  readonly http: { readonly host: string; readonly port: number; readonly maxDepth: number };
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly privacy: PrivacyConfig;
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
    },
    dataDir: resolve(PROJECT_ROOT, e.GREC_DATA_DIR),
    demoPreset: e.GREC_DEMO_PRESET,
    http: { host: e.HOST, port: e.PORT, maxDepth: e.GREC_MAX_DEPTH },
    logLevel: e.LOG_LEVEL,
    privacy: {
      consentDefaults: {
        personalisation: (e.GREC_CONSENT_DEFAULT_PERSONALISATION ?? e.GREC_CONSENT_DEFAULT) === 'granted',
        social: (e.GREC_CONSENT_DEFAULT_SOCIAL ?? e.GREC_CONSENT_DEFAULT) === 'granted',
        analytics: (e.GREC_CONSENT_DEFAULT_ANALYTICS ?? e.GREC_CONSENT_DEFAULT) === 'granted',
      },
      erasureSalt: e.GREC_ERASURE_SALT,
      pseudonym: e.GREC_PSEUDONYM_KEY === undefined || e.GREC_PSEUDONYM_KEY === '' ? null : { key: e.GREC_PSEUDONYM_KEY, length: e.GREC_PSEUDONYM_LENGTH },
      keepPii: e.GREC_KEEP_PII,
    },
  };
}
