import { createGraphQLError } from 'graphql-yoga';
import type { GraphQLError } from 'graphql';

/** Which limit a request broke: `extensions.limit` of its INVALID_INPUT error (README "Limits"). */
export type LimitName = 'depth' | 'nesting' | 'aliases' | 'tokens' | 'directives' | 'cost' | 'listLength' | 'bodySize';

/**
 * A rejected operation: the client must change the request, so the code is INVALID_INPUT, with `limit`,
 * the configured `max` and, when known, what was `found`. HTTP 400 like a validation failure (`spec`:
 * yoga keeps 200 for clients that accept only application/json, as the GraphQL-over-HTTP spec asks).
 */
export function limitError(limit: LimitName, message: string, details: { max: number; found?: number; field?: string }): GraphQLError {
  return createGraphQLError(message, {
    extensions: { code: 'INVALID_INPUT', limit, ...details, http: { status: 400, spec: true } },
  });
}
