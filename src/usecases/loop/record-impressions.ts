// recordImpressions: which items of a served page (or offer) were rendered. The recommendation id says what
// the page was; nothing was stored when it was served, so every check is against the signed id.
import { invalidInput, notFound } from '../../domain/errors.ts';
import { asItemId, type ItemId } from '../../domain/ids.ts';
import type { Principal } from '../../domain/principal.ts';
import type { ImpressionReport } from '../../storage/impression-store.ts';
import type { ImpressionWriter } from './impression-group-commit.ts';
import { authorize } from '../access/permissions.ts';
import { parseInstant, requireId } from '../live/validate.ts';
import { CLOCK_SKEW_MS } from './attribution.ts';
import { positionOnPage, type RecommendationIds } from './recommendation-id.ts';

export interface RecordImpressionsInput {
  readonly recommendationId: string;
  readonly itemIds: readonly string[];
  /** ISO-8601; default: now. */
  readonly at?: string | null;
}

export interface ImpressionsRecorded {
  readonly recommendationId: string;
  /** Items new with this call (0 on a retry). */
  readonly recorded: number;
  /** Items of the page recorded so far. */
  readonly total: number;
}

export interface ImpressionDeps {
  readonly recIds: RecommendationIds;
  /** The store, or its group commit (app.ts). */
  readonly impressions: ImpressionWriter;
  readonly attributionWindowMs: number;
  readonly now: () => number;
}

/**
 * Checks the report against the page its id names, then records it (idempotent: the stored items are a
 * union). INVALID_INPUT for a forged id, no items, an item not on the page (all such items are listed and
 * nothing is written) or a time outside [servedAt - CLOCK_SKEW_MS, servedAt + attribution window];
 * FORBIDDEN when the caller may not write for the page's user; NOT_FOUND when that user is not stored.
 */
export async function recordImpressions(p: Principal, input: RecordImpressionsInput, deps: ImpressionDeps): Promise<ImpressionsRecorded> {
  const report = impressionReport(p, input, deps);
  const [outcome] = await deps.impressions.record([report]);
  if (outcome === null || outcome === undefined) throw notFound('User', report.userId);
  return { recommendationId: report.recId, recorded: outcome.recorded, total: outcome.total };
}

/** The checked report to store (exported for batch reporters, which write many in one store call). */
export function impressionReport(p: Principal, input: RecordImpressionsInput, deps: Omit<ImpressionDeps, 'impressions'>): ImpressionReport {
  const page = deps.recIds.decode(input.recommendationId, 'recommendationId');
  authorize(p, 'impressions:write', page.userId);
  if (input.itemIds.length === 0) throw invalidInput('itemIds must name at least one item of the page', { field: 'itemIds' });
  const itemIds = [...new Set(input.itemIds.map((id) => asItemId(requireId('itemIds', id))))];
  const placed = itemIds.map((itemId) => ({ itemId, position: positionOnPage(page, itemId) }));
  const off = placed.filter((x) => x.position === null).map((x) => x.itemId);
  if (off.length > 0) {
    throw invalidInput(`itemIds not on the page: ${off.map((id) => `'${id}'`).join(', ')}`, { field: 'itemIds', itemIds: off });
  }
  const at = parseInstant('at', input.at) ?? deps.now();
  const earliest = page.servedAt - CLOCK_SKEW_MS;
  const latest = page.servedAt + deps.attributionWindowMs;
  if (at < earliest || at > latest) {
    throw invalidInput(
      `at must be between ${new Date(earliest).toISOString()} and ${new Date(latest).toISOString()} (the page was served at ${new Date(page.servedAt).toISOString()})`,
      { field: 'at' },
    );
  }
  // Page order within one report, so a page reported at once is stored as it was shown.
  const ordered = (placed as { itemId: ItemId; position: number }[]).sort((a, b) => a.position - b.position);
  return {
    recId: page.recommendationId, userId: page.userId, surface: page.surface, servedAt: page.servedAt, at,
    strategy: page.strategy, experiment: page.experimentKey, variant: page.variant, campaign: page.campaignId,
    offset: page.offset, itemIds: ordered.map((x) => x.itemId), positions: ordered.map((x) => x.position),
  };
}
