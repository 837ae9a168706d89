// Serving a recommendation page inside the loop: the experiment a user is enrolled in picks the strategy
// when the request names none, and every page is handed out with its recommendationId (signed per serve,
// so a cached page gets a fresh id with the time it was shown).
// Staff previews: an analyst or admin looking at a customer (the console's User 360) sees the variant the
// user would get, but looking must not change the experiment: no assignment is logged, and the page has no
// recommendationId, so no impression or click can make the user exposed to a page they never saw.
import type { ExperimentVariant } from '../../domain/loop.ts';
import type { UserId } from '../../domain/ids.ts';
import type { Principal } from '../../domain/principal.ts';
import { authorize } from '../access/permissions.ts';
import type { RecommendRequest } from '../recommend/parse-args.ts';
import type { RecommendationPage, RecsService } from '../recommend/recs-service.ts';
import type { SourceName, Strategy } from '../recommend/types.ts';
import type { RecommendationIds } from './recommendation-id.ts';

export interface VariantChoice {
  readonly experimentKey: string;
  readonly variant: ExperimentVariant;
}

/** Which running experiment (if any) serves this user, and in which variant. */
export interface VariantChooser {
  /** `assign`: log the user's assignment (false for a staff preview, which must leave no trace). */
  choose(userId: UserId, assign?: boolean): Promise<VariantChoice | null>;
}

/** Before any experiment exists (and in tests that do not need one). */
export const NO_EXPERIMENTS: VariantChooser = { choose: async () => null };

export interface ServedPage extends RecommendationPage {
  readonly recommendationId: string | null;
  /** `preview`: staff saw the variant the user would get; the user was not assigned. */
  readonly experiment: { readonly key: string; readonly variant: string; readonly preview: boolean } | null;
}

export interface ServeDeps {
  readonly recs: RecsService;
  readonly chooser: VariantChooser;
  readonly recIds: RecommendationIds;
  readonly now: () => number;
}

/**
 * `strategyGiven`: the client asked for a strategy, so no experiment applies. A user who refused
 * personalisation still counts in their variant (intent to treat) although the page is POPULAR.
 */
export async function servePage(p: Principal, req: RecommendRequest, strategyGiven: boolean, deps: ServeDeps): Promise<ServedPage> {
  authorize(p, 'recs:read', req.userId);
  const preview = isStaffPreview(p);
  const choice = strategyGiven ? null : await deps.chooser.choose(req.userId, !preview);
  const effective: RecommendRequest = choice === null ? req : {
    ...req,
    strategy: choice.variant.strategy as Strategy,
    hybridWeights: choice.variant.hybridWeights as Readonly<Record<SourceName, number>> | null,
  };
  const page = await deps.recs.recommend(p, effective);
  const experiment = choice === null ? null : { key: choice.experimentKey, variant: choice.variant.key, preview };
  return { ...page, experiment, recommendationId: experiment?.preview === true ? null : recommendationIdOf(page, experiment, deps) };
}

/**
 * Analysts and admins only ever look at someone else's page; shoppers (their own page) and services (a shop
 * backend serving it) are the ones who show it. Pages outside any experiment are unaffected.
 */
export function isStaffPreview(p: Principal): boolean {
  return p.role === 'analyst' || p.role === 'admin';
}

/** A visitor's page has no user to attribute anything to: no id. */
export function visitorPage(page: RecommendationPage): ServedPage {
  return { ...page, experiment: null, recommendationId: null };
}

function recommendationIdOf(page: RecommendationPage, experiment: ServedPage['experiment'], deps: ServeDeps): string | null {
  if (page.userId === null) return null;
  return deps.recIds.encode({
    surface: 'recommendations', userId: page.userId, servedAt: deps.now(), strategy: page.strategy,
    experimentKey: experiment?.key ?? null, variant: experiment?.variant ?? null, campaignId: null,
    offset: page.offset, itemIds: page.items.map((i) => i.itemId),
  });
}
