// Fields that serve the console (console/, README "Console"): who is asking, and the analysts' Cypher runner.
import type { RunArgs } from '../../usecases/console/cypher-runner.ts';
import type { GraphContext } from '../context.ts';
import type { ResolverSet } from '../schema.ts';

export const consoleResolvers: ResolverSet = {
  Query: {
    viewer: (_: unknown, __: unknown, ctx: GraphContext) =>
      ({ role: ctx.principal.role, userId: ctx.principal.role === 'shopper' ? ctx.principal.userId : null }),
    cypherFiles: (_: unknown, __: unknown, ctx: GraphContext) => ctx.services.cypher.files(ctx.principal),
    runCypher: (_: unknown, args: RunArgs, ctx: GraphContext) => ctx.services.cypher.run(ctx.principal, args),
  },
};
