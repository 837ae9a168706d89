// Experiments: list, read, results, create, stop. One use-case call each; Experiment.status is computed at
// read time (an experiment past its stopAt is STOPPED without anybody writing it); times are epoch ms inside
// and ISO on the wire (the DateTime scalar).
import { invalidInput } from '../../domain/errors.ts';
import { experimentStatus, type Experiment, type ExperimentStatus } from '../../domain/loop.ts';
import type { CreateExperimentInput, ExperimentVariantInput } from '../../usecases/loop/experiment-service.ts';
import type { GraphContext } from '../context.ts';
import type { ResolverSet } from '../schema.ts';

interface CreateExperimentArgs {
  input: Omit<CreateExperimentInput, 'startAt' | 'stopAt' | 'variants'> & {
    startAt?: string | null;
    stopAt?: string | null;
    variants: ExperimentVariantInput[];
  };
}

/** DateTime arrives as a checked ISO string. */
function time(value: string | null | undefined, field: string): number | null {
  if (value == null) return null;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw invalidInput(`${field} must be an ISO-8601 time`, { field });
  return ms;
}

export const experimentResolvers: ResolverSet = {
  Query: {
    experiments: (_: unknown, args: { status?: ExperimentStatus | null }, ctx: GraphContext) =>
      ctx.services.loop.experiments.list(ctx.principal, args.status ?? null),
    experiment: (_: unknown, args: { key: string }, ctx: GraphContext) => ctx.services.loop.experiments.get(ctx.principal, args.key),
    experimentResults: (_: unknown, args: { key: string; confidence?: number | null }, ctx: GraphContext) =>
      ctx.services.loop.experimentResults.results(ctx.principal, args.key, args.confidence ?? 0.95),
  },
  Mutation: {
    createExperiment: (_: unknown, { input }: CreateExperimentArgs, ctx: GraphContext) =>
      ctx.services.loop.experiments.create(ctx.principal, { ...input, startAt: time(input.startAt, 'startAt'), stopAt: time(input.stopAt, 'stopAt') }),
    stopExperiment: (_: unknown, args: { key: string }, ctx: GraphContext) => ctx.services.loop.experiments.stop(ctx.principal, args.key),
  },
  Experiment: {
    status: (e: Experiment, _: unknown, ctx: GraphContext) => experimentStatus(e, ctx.services.now()),
  },
};
