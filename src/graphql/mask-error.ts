import { createGraphQLError } from 'graphql-yoga';
import type { GraphQLError } from 'graphql';
import { isAppError } from '../domain/errors.ts';

interface GraphQLErrorLike extends Error {
  readonly originalError?: unknown;
  readonly path?: readonly (string | number)[];
  readonly extensions?: Readonly<Record<string, unknown>>;
}

/** Structural: under some module loaders graphql is evaluated twice (ESM and CJS), so instanceof is unreliable. */
function isGraphQLErrorLike(e: unknown): e is GraphQLErrorLike {
  return e instanceof Error && e.name === 'GraphQLError';
}

/**
 * Codes yoga itself gives to request-level failures; they are part of the documented set (README "Limits")
 * because clients of any GraphQL server know them.
 */
const TRANSPORT_CODES: ReadonlySet<string> = new Set(['BAD_REQUEST', 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED']);

/**
 * Every `extensions.code` a client can see (README "Limits"): the product's AppError codes, yoga's transport
 * codes, and INTERNAL_SERVER_ERROR for anything unexpected (masked, logged once).
 */
export const DOCUMENTED_CODES: ReadonlySet<string> = new Set([
  'INVALID_INPUT', 'NOT_FOUND', 'CONFLICT', 'UNAVAILABLE', 'FORBIDDEN', 'UNAUTHENTICATED', 'RATE_LIMITED',
  ...TRANSPORT_CODES, 'INTERNAL_SERVER_ERROR',
]);

/** Extension keys that describe the server's internals; a client never sees them. */
const INTERNAL_KEYS: ReadonlySet<string> = new Set(['originalError', 'stack', 'exception', 'unexpected']);

/**
 * A GraphQLError that reached the client side of the mask without an AppError inside: parse, validation,
 * variable coercion and request-parsing failures (yoga's, the CSRF check's, the limit plugins'). They are
 * the client's doing, so they keep their message; they get a documented code when they have none or an
 * undocumented one, and lose any extension that would expose internals (yoga puts the JSON parser's
 * `originalError` on "POST body sent invalid JSON").
 */
function recode(e: GraphQLErrorLike): GraphQLError {
  const ext: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e.extensions ?? {})) if (!INTERNAL_KEYS.has(k)) ext[k] = v;
  const http = ext['http'] as { status?: number } | undefined;
  const code = ext['code'];
  if (code === 'REQUEST_ENTITY_TOO_LARGE') Object.assign(ext, { code: 'INVALID_INPUT', limit: 'bodySize' });
  else if (typeof code === 'string' && (TRANSPORT_CODES.has(code) || code === 'INVALID_INPUT' || code === 'RATE_LIMITED')) ext['code'] = code;
  else if (http?.status !== undefined) ext['code'] = 'BAD_REQUEST';
  else ext['code'] = 'INVALID_INPUT';
  // A malformed HTTP request (bad JSON body, bad query string) is a 400 even for clients that accept only
  // application/json: yoga marks some as `spec` errors, which would make them 200s.
  if (ext['code'] === 'BAD_REQUEST' && http !== undefined) ext['http'] = { ...http, spec: false };
  const g = e as unknown as GraphQLError;
  return createGraphQLError(e.message, {
    ...(g.nodes !== undefined ? { nodes: g.nodes } : {}),
    ...(g.source !== undefined ? { source: g.source } : {}),
    ...(g.positions !== undefined ? { positions: g.positions } : {}),
    ...(e.path !== undefined ? { path: e.path } : {}),
    extensions: ext,
  });
}

/**
 * Coded AppErrors are shown to clients with `extensions.code` (and details such as the field); request,
 * parse and validation errors pass through with a documented code; everything else becomes
 * "Unexpected error." with INTERNAL_SERVER_ERROR and is logged once, server side. A GraphQLError raised
 * during execution with no code and no cause (graphql-js's "Cannot return null for non-nullable field")
 * is a server fault too, and is masked.
 */
export function createMaskError(log: (err: unknown) => void) {
  return (error: unknown, message: string): Error => {
    let original: unknown = error;
    while (isGraphQLErrorLike(original) && original.originalError != null) original = original.originalError;
    const path = isGraphQLErrorLike(error) && error.path !== undefined ? { path: error.path } : {};
    if (isAppError(original)) {
      return createGraphQLError(original.message, { ...path, extensions: { code: original.code, ...original.details } });
    }
    if (isGraphQLErrorLike(original) && (original.path === undefined || original.extensions?.['code'] !== undefined)) return recode(original);
    log(error);
    return createGraphQLError(message, { ...path, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  };
}
