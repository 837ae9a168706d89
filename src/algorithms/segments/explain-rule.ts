// A rule in words for the API and the console, e.g.
//   recencyDays < 30 and (category c1 affinity >= 0.2 or not member of 'vip')
// and/or groups with more than one child are parenthesised when nested, so the text keeps the tree's
// structure; `not` wraps anything but a single membership test in parentheses. Strings are quoted.
import type { ComparisonOp, Rule, RuleValue } from './rule.ts';
import { categoryKey, tagKey } from './feature-table.ts';

const SYMBOL: Readonly<Record<Exclude<ComparisonOp, 'between' | 'in'>, string>> = {
  lt: '<', lte: '<=', gt: '>', gte: '>=', eq: '=', neq: '!=',
};

export interface ExplainOptions {
  /** A display name for an affinity key ('category:c1', 'tag:t3'); default "category c1", "tag t3". */
  readonly labels?: (key: string) => string;
}

export function explainRule(rule: Rule, opts: ExplainOptions = {}): string {
  return text(rule, false, opts);
}

function text(rule: Rule, nested: boolean, opts: ExplainOptions): string {
  if ('all' in rule || 'any' in rule) {
    const [children, word] = 'all' in rule ? [rule.all, ' and '] : [rule.any, ' or '];
    if (children.length === 1) return text(children[0] as Rule, nested, opts);
    const joined = children.map((c) => text(c, true, opts)).join(word);
    return nested ? `(${joined})` : joined;
  }
  if ('not' in rule) {
    const inner = rule.not;
    return 'segment' in inner ? `not ${text(inner, true, opts)}` : `not (${text(inner, false, opts)})`;
  }
  if ('feature' in rule) {
    const { feature, op, value } = rule;
    if (op === 'between' && Array.isArray(value)) return `${feature} between ${literal(value[0])} and ${literal(value[1])}`;
    if (op === 'in' && Array.isArray(value)) return `${feature} in (${value.map(literal).join(', ')})`;
    return `${feature} ${SYMBOL[op as keyof typeof SYMBOL]} ${literal(value)}`;
  }
  if ('affinity' in rule) {
    const key = 'category' in rule.affinity ? categoryKey(rule.affinity.category) : tagKey(rule.affinity.tag);
    return `${opts.labels ? opts.labels(key) : key.replace(':', ' ')} affinity >= ${rule.gte}`;
  }
  return `member of '${rule.segment}'`;
}

function literal(v: RuleValue | undefined): string {
  if (typeof v === 'string') return `'${v.replaceAll("'", "\\'")}'`;
  if (typeof v === 'number') return String(v);
  return Array.isArray(v) ? `[${v.map(literal).join(', ')}]` : 'null';
}
