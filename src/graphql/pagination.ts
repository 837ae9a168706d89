import { invalidInput } from '../domain/errors.ts';

export const MAX_PAGE = 100;

/** Validates `first` (1..MAX_PAGE). */
export function pageSize(first: number | null | undefined, fallback = 20): number {
  const n = first ?? fallback;
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE) throw invalidInput(`first must be an integer between 1 and ${MAX_PAGE}, got ${n}`, { field: 'first' });
  return n;
}

/** Opaque cursors: base64url of a string key (an id, or "ts:id" for time-ordered lists). */
export const encodeCursor = (key: string): string => Buffer.from(key, 'utf8').toString('base64url');

export function decodeCursor(cursor: string | null | undefined): string {
  if (cursor === null || cursor === undefined || cursor === '') return '';
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (key.length === 0 || encodeCursor(key) !== cursor) throw invalidInput(`malformed cursor '${cursor}'`, { field: 'after' });
  return key;
}

export interface Connection<T> {
  readonly edges: { cursor: string; node: T }[];
  readonly pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/**
 * Nodes are loaded eagerly but awaited only if the query selects them: a failed load (database gone) that
 * nobody awaits must not become an unhandled rejection, which ends the Node process. The returned value is
 * the same promise, so a selected node still fails with its own error.
 */
export function handled<T>(node: T): T {
  if (node instanceof Promise) node.catch(() => undefined);
  return node;
}

/** Builds a connection from `first + 1` fetched keys: the extra one only says there is a next page. */
export function toConnection<K, T>(keys: readonly K[], first: number, cursorOf: (k: K) => string, nodeOf: (k: K) => T): Connection<T> {
  const page = keys.slice(0, first);
  const edges = page.map((k) => ({ cursor: encodeCursor(cursorOf(k)), node: handled(nodeOf(k)) }));
  return { edges, pageInfo: { hasNextPage: keys.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
}
