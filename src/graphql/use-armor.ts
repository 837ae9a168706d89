import { EnvelopArmor } from '@escape.tech/graphql-armor';
import type { GraphQLError, ValidationContext } from 'graphql';
import type { Plugin, YogaInitialContext } from 'graphql-yoga';
import { limitError, type LimitName } from './limit-error.ts';

export interface ArmorLimits {
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxTokens: number;
  readonly maxDirectives: number;
  /** Production: "Did you mean ...?" hints would map the schema for an attacker. */
  readonly blockFieldSuggestions: boolean;
}

const FOUND = /found (\d+)/;

/**
 * graphql-armor's shape limits, with its "Syntax Error: ..." rejections turned into our coded limit errors.
 * Tokens are counted by the parser itself (graphql's `maxTokens`), so a 10,000-deep nesting or fragment
 * chain is refused after `maxTokens` tokens, before the recursive-descent parser can overflow the stack.
 * Depth, aliases and directives are validation rules that memoise each fragment, so a document whose
 * fragments spread each other twice per level costs one walk, not 2^levels.
 * Depth counts fields only (`flattenFragments`), as the rule it replaces did: the deepest useful query,
 * `recommendations { edges { node { reasons { ... on FriendsLikedReason { friends { name } } } } } }`, is 6.
 * Armor's own cost limit is not used: it has no per-field prices (see use-cost-limit.ts).
 */
export function useArmor(limits: ArmorLimits): Plugin[] {
  const rejectWith = (limit: LimitName, max: number, describe: (found: number | undefined) => string) => ({
    propagateOnRejection: false,
    onReject: [
      (ctx: ValidationContext | null, err: GraphQLError) => {
        const m = FOUND.exec(err.message);
        const found = m?.[1] !== undefined ? Number(m[1]) : undefined;
        const coded = limitError(limit, describe(found), { max, ...(found !== undefined ? { found } : {}) });
        // Only the token count runs without a validation context: it must throw to stop the parser.
        if (ctx === null) throw coded;
        ctx.reportError(coded);
      },
    ],
  });
  const armor = new EnvelopArmor<YogaInitialContext>({
    maxDepth: { n: limits.maxDepth, flattenFragments: true, ...rejectWith('depth', limits.maxDepth, (f) => `query depth ${f !== undefined ? `${f} ` : ''}exceeds the limit of ${limits.maxDepth}`) },
    maxAliases: { n: limits.maxAliases, ...rejectWith('aliases', limits.maxAliases, (f) => `${f ?? 'too many'} aliases exceed the limit of ${limits.maxAliases}`) },
    maxTokens: { n: limits.maxTokens, ...rejectWith('tokens', limits.maxTokens, () => `the document has more than ${limits.maxTokens} tokens`) },
    maxDirectives: { n: limits.maxDirectives, ...rejectWith('directives', limits.maxDirectives, (f) => `${f ?? 'too many'} directives exceed the limit of ${limits.maxDirectives}`) },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: limits.blockFieldSuggestions },
  });
  return armor.protect().plugins;
}
