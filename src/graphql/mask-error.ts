import { createGraphQLError } from 'graphql-yoga';
import { isAppError } from '../domain/errors.ts';

interface GraphQLErrorLike extends Error {
  readonly originalError?: unknown;
  readonly path?: readonly (string | number)[];
}

/** Structural: under some module loaders graphql is evaluated twice (ESM and CJS), so instanceof is unreliable. */
function isGraphQLErrorLike(e: unknown): e is GraphQLErrorLike {
  return e instanceof Error && e.name === 'GraphQLError';
}

/**
 * Coded AppErrors are shown to clients with `extensions.code` (and details such as the field);
 * parse and validation errors pass through; everything else becomes "Unexpected error." with
 * INTERNAL_SERVER_ERROR and is logged once, server side.
 */
export function createMaskError(log: (err: unknown) => void) {
  return (error: unknown, message: string): Error => {
    let original: unknown = error;
    while (isGraphQLErrorLike(original) && original.originalError != null) original = original.originalError;
    const path = isGraphQLErrorLike(error) && error.path !== undefined ? { path: error.path } : {};
    if (isAppError(original)) {
      return createGraphQLError(original.message, { ...path, extensions: { code: original.code, ...original.details } });
    }
    if (isGraphQLErrorLike(original)) return original;
    log(error);
    return createGraphQLError(message, { ...path, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  };
}
