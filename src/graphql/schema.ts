import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSchema } from 'graphql-yoga';
import { PROJECT_ROOT } from '../config.ts';
import type { GraphContext } from './context.ts';
import { coreMutationResolvers, socialPayloadResolvers } from './resolvers/core-mutations.ts';
import { coreQueryResolvers } from './resolvers/core-queries.ts';
import { coreTypeResolvers } from './resolvers/core-types.ts';
import { DateTimeScalar, JsonScalar, RuleDocumentScalar } from './scalars.ts';

/** schema.graphql at the repository root is the contract; resolvers are merged per capability. */
export const TYPE_DEFS = readFileSync(join(PROJECT_ROOT, 'schema.graphql'), 'utf8');

export interface ResolverSet {
  readonly Query?: Record<string, unknown>;
  readonly Mutation?: Record<string, unknown>;
  readonly [type: string]: Record<string, unknown> | undefined;
}

const CORE: ResolverSet = {
  Query: coreQueryResolvers,
  Mutation: coreMutationResolvers,
  ...coreTypeResolvers,
  ...socialPayloadResolvers,
};

export function buildSchema(extra: readonly ResolverSet[] = []) {
  const merged: Record<string, Record<string, unknown>> = {
    DateTime: DateTimeScalar as unknown as Record<string, unknown>,
    JSON: JsonScalar as unknown as Record<string, unknown>,
    RuleDocument: RuleDocumentScalar as unknown as Record<string, unknown>,
  };
  for (const set of [CORE, ...extra]) {
    for (const [type, fields] of Object.entries(set)) {
      if (fields !== undefined) merged[type] = { ...(merged[type] ?? {}), ...fields };
    }
  }
  return createSchema<GraphContext>({ typeDefs: TYPE_DEFS, resolvers: merged as never });
}
