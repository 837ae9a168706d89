// The loop's measurements: online metrics per day and group, and how fresh the served models are.
// One use-case call each.
import { modelFreshness } from '../../usecases/loop/model-freshness.ts';
import type { OnlineMetricsArgs } from '../../usecases/loop/online-metrics.ts';
import type { GraphContext } from '../context.ts';
import type { ResolverSet } from '../schema.ts';

export const loopMetricsResolvers: ResolverSet = {
  Query: {
    onlineMetrics: (_: unknown, args: OnlineMetricsArgs, ctx: GraphContext) => ctx.services.onlineMetrics.rows(ctx.principal, args),
    modelFreshness: (_: unknown, __: unknown, ctx: GraphContext) => modelFreshness(ctx.principal, ctx.services.refresh),
  },
};
