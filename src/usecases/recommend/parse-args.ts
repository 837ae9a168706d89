// Parses GraphQL arguments into the use case's request, once, at the edge: every rule that makes an
// argument invalid lives here and raises INVALID_INPUT naming the field.
import { invalidInput } from '../../domain/errors.ts';
import { asCategoryId, asItemId, asUserId, type ItemId, type UserId } from '../../domain/ids.ts';
import { requireId } from '../../domain/id-text.ts';
import { PLAIN_USER_IDS, type UserIdCodec } from '../privacy/user-id-codec.ts';
import { STRATEGIES, type Diversity, type RecsFilter, type SourceName, type Strategy } from './types.ts';

export const MAX_FIRST = 100;

export interface RecommendArgs {
  readonly userId: string;
  readonly strategy?: string | null;
  readonly first?: number | null;
  readonly after?: string | null;
  readonly filter?: {
    readonly excludeItemIds?: readonly string[] | null;
    readonly categoryIds?: readonly string[] | null;
    readonly minPrice?: number | null;
    readonly maxPrice?: number | null;
    readonly excludePurchased?: boolean | null;
    readonly excludeSeen?: boolean | null;
  } | null;
  readonly diversity?: { readonly mmrLambda?: number | null; readonly maxPerCategory?: number | null } | null;
}

export interface RecommendRequest {
  readonly userId: UserId;
  readonly strategy: Strategy;
  /** The HYBRID blend's weight per source (an experiment variant's); null = the served configuration. */
  readonly hybridWeights: Readonly<Record<SourceName, number>> | null;
  readonly first: number;
  /** Rank offset of the first returned item (the cursor). */
  readonly offset: number;
  readonly filter: RecsFilter;
  readonly diversity: Diversity | null;
}

export function parseFirst(first: number | null | undefined, fallback: number): number {
  const n = first ?? fallback;
  if (!Number.isInteger(n) || n < 1 || n > MAX_FIRST) throw invalidInput(`first must be an integer between 1 and ${MAX_FIRST}, got ${n}`, { field: 'first' });
  return n;
}

export { requireId } from '../../domain/id-text.ts';

/** Cursors are the base64url rank offset of the last item of the previous page plus one. */
export const encodeRankCursor = (offset: number): string => Buffer.from(`rank:${offset}`, 'utf8').toString('base64url');

export function decodeRankCursor(after: string | null | undefined): number {
  if (after === null || after === undefined || after === '') return 0;
  const m = /^rank:(\d{1,6})$/.exec(Buffer.from(after, 'base64url').toString('utf8'));
  if (m === null || encodeRankCursor(Number(m[1])) !== after) throw invalidInput(`malformed cursor '${after}'`, { field: 'after' });
  return Number(m[1]);
}

export interface VisitorArgs {
  readonly viewedItemIds?: readonly string[] | null;
  readonly first?: number | null;
  readonly after?: string | null;
  readonly filter?: RecommendArgs['filter'];
}

/** A visitor's request: the items viewed in the current session (at most MAX_VIEWED, deduplicated). */
export interface VisitorRequest {
  readonly viewedItemIds: readonly ItemId[];
  readonly first: number;
  readonly offset: number;
  readonly filter: RecsFilter;
}

export const MAX_VIEWED = 50;

export function parseVisitorArgs(args: VisitorArgs): VisitorRequest {
  const viewed = args.viewedItemIds ?? [];
  if (viewed.length > MAX_VIEWED) throw invalidInput(`at most ${MAX_VIEWED} viewed items, got ${viewed.length}`, { field: 'viewedItemIds' });
  const { first, offset, filter } = parseRecommendArgs({ userId: 'visitor', first: args.first ?? null, after: args.after ?? null, filter: args.filter ?? null });
  return { viewedItemIds: [...new Set(viewed.map((id) => asItemId(requireId('viewedItemIds', id))))], first, offset, filter };
}

/** `ids`: how a client's user id maps to the stored one (pseudonymisation, src/usecases/privacy/). */
export function parseRecommendArgs(args: RecommendArgs, ids: UserIdCodec = PLAIN_USER_IDS): RecommendRequest {
  const strategy = (args.strategy ?? 'HYBRID') as Strategy;
  if (!STRATEGIES.includes(strategy)) throw invalidInput(`unknown strategy '${args.strategy}'`, { field: 'strategy' });
  const f = args.filter ?? {};
  const minPrice = f.minPrice ?? null;
  const maxPrice = f.maxPrice ?? null;
  if (minPrice !== null && !Number.isFinite(minPrice)) throw invalidInput('minPrice must be a number', { field: 'minPrice' });
  if (maxPrice !== null && !Number.isFinite(maxPrice)) throw invalidInput('maxPrice must be a number', { field: 'maxPrice' });
  if (minPrice !== null && maxPrice !== null && minPrice > maxPrice) {
    throw invalidInput(`minPrice (${minPrice}) must not exceed maxPrice (${maxPrice})`, { field: 'minPrice' });
  }
  const d = args.diversity ?? null;
  const mmrLambda = d?.mmrLambda ?? null;
  const maxPerCategory = d?.maxPerCategory ?? null;
  if (mmrLambda !== null && !(mmrLambda >= 0 && mmrLambda <= 1)) throw invalidInput(`mmrLambda must be in [0, 1], got ${mmrLambda}`, { field: 'mmrLambda' });
  if (maxPerCategory !== null && !(Number.isInteger(maxPerCategory) && maxPerCategory >= 1)) {
    throw invalidInput(`maxPerCategory must be a positive integer, got ${maxPerCategory}`, { field: 'maxPerCategory' });
  }
  return {
    userId: ids.pseudonymous ? ids.encode(args.userId, 'userId') : asUserId(requireId('userId', args.userId)),
    strategy,
    hybridWeights: null,
    first: parseFirst(args.first, 20),
    offset: decodeRankCursor(args.after),
    filter: {
      excludeItemIds: (f.excludeItemIds ?? []).map((id) => asItemId(requireId('filter.excludeItemIds', id))),
      categoryIds: (f.categoryIds ?? []).map((id) => asCategoryId(requireId('filter.categoryIds', id))),
      minPrice,
      maxPrice,
      excludePurchased: f.excludePurchased ?? true,
      excludeSeen: f.excludeSeen ?? true,
    },
    diversity: mmrLambda === null && maxPerCategory === null ? null : { mmrLambda, maxPerCategory },
  };
}
