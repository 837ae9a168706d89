// Fields that serve the console (console/, README "Console"): who is asking, and the analysts' Cypher runner.
import type { GraphContext } from '../context.ts';
import type { ResolverSet } from '../schema.ts';

export const consoleResolvers: ResolverSet = {
  Query: {
    viewer: (_: unknown, __: unknown, ctx: GraphContext) =>
      ({ role: ctx.principal.role, userId: ctx.principal.role === 'shopper' ? ctx.principal.userId : null }),
  },
};
