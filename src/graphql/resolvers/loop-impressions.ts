// recordImpressions: one use-case call (docs/loop.md); the use case checks the id, the caller and the items.
import { recordImpressions, type RecordImpressionsInput } from '../../usecases/loop/record-impressions.ts';
import type { GraphContext } from '../context.ts';
import type { ResolverSet } from '../schema.ts';

export const loopImpressionResolvers: ResolverSet = {
  Mutation: {
    recordImpressions: (_: unknown, args: RecordImpressionsInput, ctx: GraphContext) =>
      recordImpressions(ctx.principal, args, {
        recIds: ctx.services.loop.recIds, attributionWindowMs: ctx.services.loop.attributionWindowMs,
        impressions: ctx.services.impressions, now: ctx.services.now,
      }),
  },
};
