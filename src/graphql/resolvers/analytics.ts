// Behaviour analytics fields: one use-case call each. The State enum resolves to the chain's internal
// state names (usecases/analytics/state-names.ts), so arguments and results need no mapping here.
import type { ConversionBreakdown } from '../../storage/analytics-store.ts';
import type { ChainOptionsArgs, SegmentArgs, WindowArgs } from '../../usecases/analytics/analytics-input.ts';
import { STATE_ENUM } from '../../usecases/analytics/state-names.ts';
import type { GraphContext } from '../context.ts';
import type { ResolverSet } from '../schema.ts';

interface ScopeArgs { segment?: SegmentArgs | null; window?: WindowArgs | null; options?: ChainOptionsArgs | null }

export const analyticsResolvers: ResolverSet = {
  State: { ...STATE_ENUM },
  NextStateForecast: {
    sessionExitRisk: (f: { churnRisk: number | null }) => f.churnRisk,
  },
  Query: {
    transitionMatrix: (_: unknown, args: ScopeArgs, ctx: GraphContext) => ctx.services.analytics.transitionMatrix(ctx.principal, args),
    sequenceProbability: (_: unknown, args: ScopeArgs & { states: string[] }, ctx: GraphContext) =>
      ctx.services.analytics.sequenceProbability(ctx.principal, args),
    nextState: (_: unknown, args: { userId: string; steps?: number | null; asOf?: string | null }, ctx: GraphContext) => ctx.services.analytics.nextState(ctx.principal, args),
    absorption: (_: unknown, args: ScopeArgs, ctx: GraphContext) => ctx.services.analytics.absorption(ctx.principal, args),
    conversionRate: (
      _: unknown,
      args: { action: string; segment?: SegmentArgs | null; window?: WindowArgs | null; breakdown?: ConversionBreakdown | null },
      ctx: GraphContext,
    ) => ctx.services.analytics.conversionRate(ctx.principal, args),
    funnel: (
      _: unknown,
      args: { steps: string[]; segment?: SegmentArgs | null; window?: WindowArgs | null; conversionWindowHours?: number | null },
      ctx: GraphContext,
    ) => ctx.services.analytics.funnel(ctx.principal, args),
    journey: (_: unknown, args: { userId: string; window?: WindowArgs | null }, ctx: GraphContext) => ctx.services.analytics.journey(ctx.principal, args),
  },
};
