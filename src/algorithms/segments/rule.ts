// The segment rule language: a JSON document over a user's FeatureRow. One node is exactly one of
//   { all: Rule[] }            every child holds (non-empty)
//   { any: Rule[] }            at least one child holds (non-empty)
//   { not: Rule }              the child does not hold
//   { feature, op, value }     a comparison on a numeric feature or a string attribute
//   { affinity: { category } | { tag }, gte }   the user's affinity score (in [0, 1]) is at least gte
//   { segment }                the user is a member of another named segment
// Ops: lt, lte, gt, gte, eq, neq take a number (numeric features) and eq, neq a string (attributes);
// between takes [min, max] with min <= max, both inclusive; in takes a non-empty list (numbers for numeric
// features, strings for attributes).
//
// Missing values (two-valued logic, not SQL's three-valued one): a comparison on a missing feature
// (null, undefined, NaN) is false, whatever the op, `neq` included; a missing affinity is false too.
// `not` negates that boolean, so `{ not: { feature: 'recencyDays', op: 'lt', value: 30 } }` is TRUE for a
// user with no purchases (no recencyDays). To require the value, add it explicitly, e.g.
// `{ all: [{ feature: 'recencyDays', op: 'gte', value: 0 }, { not: ... }] }`.
//
// Limits, so that a stored rule stays cheap to evaluate and readable: depth at most 8, at most 200 nodes.
import { z } from 'zod';

export const COMPARISON_OPS = ['lt', 'lte', 'gt', 'gte', 'eq', 'neq', 'between', 'in'] as const;
export type ComparisonOp = (typeof COMPARISON_OPS)[number];

export type RuleValue = number | string | readonly [number, number] | readonly (string | number)[];

export interface AllRule { readonly all: readonly Rule[] }
export interface AnyRule { readonly any: readonly Rule[] }
export interface NotRule { readonly not: Rule }
export interface FeatureRule { readonly feature: string; readonly op: ComparisonOp; readonly value: RuleValue }
export interface AffinityRule {
  readonly affinity: { readonly category: string } | { readonly tag: string };
  readonly gte: number;
}
export interface SegmentRule { readonly segment: string }

export type Rule = AllRule | AnyRule | NotRule | FeatureRule | AffinityRule | SegmentRule;

/** The key that says which kind a node is; a node has exactly one of them. */
export const RULE_KINDS = ['all', 'any', 'not', 'feature', 'affinity', 'segment'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

export const MAX_RULE_DEPTH = 8;
export const MAX_RULE_NODES = 200;

const name = z.string().min(1, 'must be a non-empty string');
const value = z.union([z.number(), z.string(), z.array(z.union([z.number(), z.string()]))], {
  error: 'must be a number, a string or a list of numbers/strings',
});
const affinityTarget = z.union([z.strictObject({ category: name }), z.strictObject({ tag: name })], {
  error: 'must be { category: string } or { tag: string }',
});

/**
 * The shape of one node with its children left unchecked: parseRule walks the children itself so that
 * every issue carries its path in the document. Unknown keys are rejected (a typo such as `valeu` must not
 * pass silently).
 */
export const RULE_NODE_SCHEMAS = {
  all: z.strictObject({ all: z.array(z.unknown(), { error: 'must be a list of rules' }).min(1, 'must have at least one rule') }),
  any: z.strictObject({ any: z.array(z.unknown(), { error: 'must be a list of rules' }).min(1, 'must have at least one rule') }),
  not: z.strictObject({ not: z.unknown() }),
  feature: z.strictObject({
    feature: name,
    op: z.enum(COMPARISON_OPS, { error: `must be one of ${COMPARISON_OPS.join(', ')}` }),
    value,
  }),
  affinity: z.strictObject({
    affinity: affinityTarget,
    gte: z.number({ error: 'must be a number' }).min(0, 'must be in [0, 1]').max(1, 'must be in [0, 1]'),
  }),
  segment: z.strictObject({ segment: name }),
} as const satisfies Record<RuleKind, z.ZodType>;

/**
 * The whole document's structure as one recursive schema (for JSON Schema export or a quick structural
 * check). It does not know the feature names, op/value compatibility or the limits: use parseRule for that.
 */
export const ruleSchema: z.ZodType<Rule> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(ruleSchema).min(1) }),
    z.strictObject({ any: z.array(ruleSchema).min(1) }),
    z.strictObject({ not: ruleSchema }),
    RULE_NODE_SCHEMAS.feature,
    RULE_NODE_SCHEMAS.affinity,
    RULE_NODE_SCHEMAS.segment,
  ]),
);

/** Which kind a (well-formed) node is. */
export function ruleKind(rule: Rule): RuleKind {
  if ('all' in rule) return 'all';
  if ('any' in rule) return 'any';
  if ('not' in rule) return 'not';
  if ('feature' in rule) return 'feature';
  if ('affinity' in rule) return 'affinity';
  return 'segment';
}
