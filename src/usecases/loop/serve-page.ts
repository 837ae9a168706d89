// Serving a recommendation page inside the loop: the experiment a user is enrolled in picks the strategy
// when the request names none, and every page is handed out with its recommendationId (signed per serve,
// so a cached page gets a fresh id with the time it was shown).
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
  choose(userId: UserId): Promise<VariantChoice | null>;
}

/** Before any experiment exists (and in tests that do not need one). */
export const NO_EXPERIMENTS: VariantChooser = { choose: async () => null };

export interface ServedPage extends RecommendationPage {
  readonly recommendationId: string | null;
  readonly experiment: { readonly key: string; readonly variant: string } | null;
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
  const choice = strategyGiven ? null : await deps.chooser.choose(req.userId);
  const effective: RecommendRequest = choice === null ? req : {
    ...req,
    strategy: choice.variant.strategy as Strategy,
    hybridWeights: choice.variant.hybridWeights as Readonly<Record<SourceName, number>> | null,
  };
  const page = await deps.recs.recommend(p, effective);
  const experiment = choice === null ? null : { key: choice.experimentKey, variant: choice.variant.key };
  return { ...page, experiment, recommendationId: recommendationIdOf(page, experiment, deps) };
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
