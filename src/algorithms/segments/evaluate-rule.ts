// Evaluates a parsed rule on one user. Two-valued logic (see rule.ts): a comparison on a missing value
// (null, undefined, NaN) is false whatever the op, `neq` included; `not` negates the resulting boolean, so
// `not (recencyDays < 30)` holds for a user who never purchased. between is inclusive at both ends.
// O(nodes) per user; membership of referenced segments comes from the caller (see segment-order.ts).
import type { FeatureRow } from './feature-table.ts';
import { categoryKey, tagKey } from './feature-table.ts';
import type { FeatureRule, Rule } from './rule.ts';

export function evaluateRule(rule: Rule, row: FeatureRow, inSegment: (name: string) => boolean): boolean {
  if ('all' in rule) return rule.all.every((r) => evaluateRule(r, row, inSegment));
  if ('any' in rule) return rule.any.some((r) => evaluateRule(r, row, inSegment));
  if ('not' in rule) return !evaluateRule(rule.not, row, inSegment);
  if ('feature' in rule) return compare(rule, featureValue(row, rule.feature));
  if ('affinity' in rule) {
    const key = 'category' in rule.affinity ? categoryKey(rule.affinity.category) : tagKey(rule.affinity.tag);
    const score = row.affinities?.[key];
    return typeof score === 'number' && Number.isFinite(score) && score >= rule.gte;
  }
  return inSegment(rule.segment);
}

/** A numeric feature if the row has one by that name, else a string attribute; null when missing. */
function featureValue(row: FeatureRow, name: string): number | string | null {
  const n = row.values[name];
  if (typeof n === 'number') return Number.isFinite(n) ? n : null;
  const s = row.attributes?.[name];
  return typeof s === 'string' ? s : null;
}

function compare(rule: FeatureRule, v: number | string | null): boolean {
  if (v === null) return false;
  const { op, value } = rule;
  switch (op) {
    case 'eq':
      return v === value;
    case 'neq':
      // Only a value of the same type can differ meaningfully; a type mismatch cannot pass parseRule.
      return typeof v === typeof value && v !== value;
    case 'in':
      return Array.isArray(value) && value.includes(v);
    case 'between': {
      if (typeof v !== 'number' || !Array.isArray(value)) return false;
      const [lo, hi] = value;
      return typeof lo === 'number' && typeof hi === 'number' && v >= lo && v <= hi;
    }
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte': {
      if (typeof v !== 'number' || typeof value !== 'number') return false;
      return op === 'lt' ? v < value : op === 'lte' ? v <= value : op === 'gt' ? v > value : v >= value;
    }
  }
}
