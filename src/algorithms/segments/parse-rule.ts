// Validates a rule document (see rule.ts) against the names the caller knows and returns it typed.
// Every problem is collected in one pass, each with its path in the document ("rule.all[2].value"), so an
// analyst editing a rule sees all of them at once. O(nodes); the walk stops at the depth and node limits.
import type { z } from 'zod';
import { invalidInput } from '../../domain/errors.ts';
import {
  MAX_RULE_DEPTH,
  MAX_RULE_NODES,
  RULE_KINDS,
  RULE_NODE_SCHEMAS,
  type ComparisonOp,
  type Rule,
  type RuleKind,
  type RuleValue,
} from './rule.ts';
import { suggestionList } from './suggestion-list.ts';

export interface KnownNames {
  /** Numeric features (FeatureRow.values). */
  readonly features: ReadonlySet<string>;
  /** String attributes (FeatureRow.attributes), e.g. gender, location. */
  readonly attributes: ReadonlySet<string>;
  /** Segments a rule may refer to; when absent, segment references are not checked here (segmentOrder does). */
  readonly segments?: ReadonlySet<string>;
}

export interface RuleIssue {
  /** Where in the document, e.g. "rule.all[2].value". */
  readonly path: string;
  readonly message: string;
}

interface Walk {
  readonly known: KnownNames;
  readonly issues: RuleIssue[];
  nodes: number;
}

const ROOT = 'rule';

/**
 * The rule, typed; or INVALID_INPUT with details.issues = [{ path, message }] listing every problem found
 * and a message naming them all.
 */
export function parseRule(json: unknown, known: KnownNames): Rule {
  const walk: Walk = { known, issues: [], nodes: 0 };
  const rule = node(json, ROOT, 1, walk);
  if (walk.issues.length > 0 || rule === undefined) {
    const issues = walk.issues;
    throw invalidInput(`invalid rule: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, { issues });
  }
  return rule;
}

function node(json: unknown, path: string, depth: number, walk: Walk): Rule | undefined {
  walk.nodes += 1;
  if (walk.nodes === MAX_RULE_NODES + 1) walk.issues.push({ path: ROOT, message: `has more than ${MAX_RULE_NODES} nodes` });
  if (walk.nodes > MAX_RULE_NODES) return undefined;
  if (depth > MAX_RULE_DEPTH) {
    walk.issues.push({ path, message: `nesting deeper than ${MAX_RULE_DEPTH} levels` });
    return undefined;
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    walk.issues.push({ path, message: `must be an object with one of ${RULE_KINDS.join(', ')}` });
    return undefined;
  }
  const record = json as Record<string, unknown>;
  const kinds = RULE_KINDS.filter((k) => k in record);
  const kind = kinds[0];
  if (kind === undefined) {
    walk.issues.push({ path, message: `must have one of ${RULE_KINDS.join(', ')}` });
    return undefined;
  }
  if (kinds.length > 1) {
    walk.issues.push({ path, message: `has ${kinds.join(' and ')}; a rule node is exactly one of ${RULE_KINDS.join(', ')}` });
    return undefined;
  }
  const shape = shapeIssues(kind, record, path);
  switch (kind) {
    case 'all':
    case 'any': {
      walk.issues.push(...shape);
      const list = record[kind];
      if (!Array.isArray(list)) return undefined;
      const children = list.map((c: unknown, i) => node(c, `${path}.${kind}[${i}]`, depth + 1, walk));
      if (shape.length > 0 || !children.every((c) => c !== undefined)) return undefined;
      return kind === 'all' ? { all: children as Rule[] } : { any: children as Rule[] };
    }
    case 'not': {
      walk.issues.push(...shape);
      const child = node(record['not'], `${path}.not`, depth + 1, walk);
      return shape.length > 0 || child === undefined ? undefined : { not: child };
    }
    case 'feature':
      return featureNode(record, path, shape, walk);
    case 'affinity': {
      walk.issues.push(...shape);
      if (shape.length > 0) return undefined;
      const parsed = RULE_NODE_SCHEMAS.affinity.parse(record);
      const target = 'category' in parsed.affinity ? { category: parsed.affinity.category } : { tag: parsed.affinity.tag };
      return { affinity: target, gte: parsed.gte };
    }
    case 'segment': {
      walk.issues.push(...shape);
      if (shape.length > 0) return undefined;
      const name = record['segment'] as string;
      const segments = walk.known.segments;
      if (segments !== undefined && !segments.has(name)) {
        walk.issues.push({ path: `${path}.segment`, message: `unknown segment '${name}'${didYouMean(name, segments)}` });
        return undefined;
      }
      return { segment: name };
    }
  }
}

/** Zod's verdict on the node's own fields, as path-named issues. */
function shapeIssues(kind: RuleKind, record: Record<string, unknown>, path: string): RuleIssue[] {
  const result = (RULE_NODE_SCHEMAS[kind] as z.ZodType).safeParse(record);
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      const fields = Object.keys(RULE_NODE_SCHEMAS[kind].shape).join(', ');
      const keys = issue.keys.map((k) => `'${k}'`).join(', ');
      return { path, message: `unknown key${issue.keys.length > 1 ? 's' : ''} ${keys}; a '${kind}' rule has only ${fields}` };
    }
    const field = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
    const top = issue.path[0];
    const missing = issue.path.length === 1 && typeof top === 'string' && record[top] === undefined;
    return { path: `${path}${field}`, message: missing ? 'is required' : issue.message };
  });
}

const NUMERIC_OPS: ReadonlySet<ComparisonOp> = new Set(['lt', 'lte', 'gt', 'gte', 'eq', 'neq']);

function featureNode(record: Record<string, unknown>, path: string, shape: RuleIssue[], walk: Walk): Rule | undefined {
  const before = walk.issues.length;
  walk.issues.push(...shape);
  const feature = record['feature'];
  const op = record['op'] as ComparisonOp;
  const value = record['value'];
  // The name is checked even when another field is malformed: an unknown name is the likelier mistake.
  if (typeof feature !== 'string' || feature === '') return undefined;
  const { features, attributes } = walk.known;
  const numeric = features.has(feature);
  if (!numeric && !attributes.has(feature)) {
    const message = `unknown feature '${feature}'${didYouMean(feature, [...features, ...attributes])}`;
    walk.issues.push({ path: `${path}.feature`, message });
    return undefined;
  }
  if (shape.length > 0) return undefined;
  const problem = numeric ? numericValueProblem(feature, op, value) : attributeValueProblem(feature, op, value);
  if (problem !== undefined) walk.issues.push({ path: `${path}.${problem.field}`, message: problem.message });
  if (walk.issues.length > before) return undefined;
  return { feature, op, value: value as RuleValue };
}

interface Problem { readonly field: 'op' | 'value'; readonly message: string }

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function numericValueProblem(feature: string, op: ComparisonOp, value: unknown): Problem | undefined {
  if (NUMERIC_OPS.has(op)) {
    return isNumber(value) ? undefined : { field: 'value', message: `${op} on numeric feature '${feature}' needs a number` };
  }
  if (op === 'between') {
    const ok = Array.isArray(value) && value.length === 2 && isNumber(value[0]) && isNumber(value[1]) && value[0] <= value[1];
    return ok ? undefined : { field: 'value', message: 'between needs [min, max] with min <= max' };
  }
  const ok = Array.isArray(value) && value.length > 0 && value.every(isNumber);
  return ok ? undefined : { field: 'value', message: `in on numeric feature '${feature}' needs a non-empty list of numbers` };
}

function attributeValueProblem(attribute: string, op: ComparisonOp, value: unknown): Problem | undefined {
  if (op === 'eq' || op === 'neq') {
    return typeof value === 'string' ? undefined : { field: 'value', message: `${op} on attribute '${attribute}' needs a string` };
  }
  if (op === 'in') {
    const ok = Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string');
    return ok ? undefined : { field: 'value', message: `in on attribute '${attribute}' needs a non-empty list of strings` };
  }
  return { field: 'op', message: `${op} is not defined for attribute '${attribute}'; use eq, neq or in` };
}

/** "; did you mean 'a', 'b' or 'c'?" or "" when nothing is close. */
export function didYouMean(input: string, options: Iterable<string>): string {
  const s = suggestionList(input, options).map((o) => `'${o}'`);
  if (s.length === 0) return '';
  const last = s.pop() as string;
  return `; did you mean ${s.length > 0 ? `${s.join(', ')} or ${last}` : last}?`;
}
