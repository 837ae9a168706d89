import type { Plugin } from 'graphql-yoga';
import { limitError } from './limit-error.ts';

/**
 * Deepest bracket nesting ({ [ ( together) a document may have. graphql's parser is recursive descent: a list
 * literal 2,000 brackets deep fits in the token limit yet overflows the stack (seen under vitest's workers).
 * The field depth limit is 8, so 64 leaves room for input objects and lists while bounding every later
 * recursive walk (parser, validation rules, the cost estimate).
 */
export const MAX_NESTING = 64;

/**
 * The deepest bracket nesting of a GraphQL source, in one pass that skips strings, block strings and
 * comments; stops counting as soon as `limit` is exceeded.
 */
export function bracketNesting(source: string, limit = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let max = 0;
  const n = source.length;
  for (let i = 0; i < n; i++) {
    const c = source.charCodeAt(i);
    if (c === 0x23 /* # */) {
      while (i < n && source[i] !== '\n' && source[i] !== '\r') i++;
    } else if (c === 0x22 /* " */) {
      if (source.startsWith('""', i + 1)) {
        i += 3;
        while (i < n && !(source.startsWith('"""', i) && source[i - 1] !== '\\')) i++;
        i += 2;
      } else {
        i++;
        while (i < n && source[i] !== '"' && source[i] !== '\n') i += source[i] === '\\' ? 2 : 1;
      }
    } else if (c === 0x7b || c === 0x5b || c === 0x28 /* { [ ( */) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > limit) return max;
      }
    } else if ((c === 0x7d || c === 0x5d || c === 0x29 /* } ] ) */) && depth > 0) {
      depth--;
    }
  }
  return max;
}

/** Refuses a too deeply nested document before the parser recurses into it. */
export function useNestingLimit(maxNesting = MAX_NESTING): Plugin {
  return {
    onParse({ params }) {
      const source = typeof params.source === 'string' ? params.source : params.source.body;
      const nesting = bracketNesting(source, maxNesting);
      if (nesting > maxNesting) {
        throw limitError('nesting', `brackets nested deeper than ${maxNesting}`, { max: maxNesting });
      }
    },
  };
}
