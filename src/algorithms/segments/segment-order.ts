// Segments may refer to other segments ({ segment: 'vip' }); they must be evaluated dependencies first,
// and a cycle has no meaning. Depth-first topological sort (Cormen et al., Introduction to Algorithms, 3rd ed., section 22.4) in the map's order,
// references in document order, so the order is deterministic; O(segments + rule nodes).
import { invalidInput } from '../../domain/errors.ts';
import type { FeatureRow } from './feature-table.ts';
import { evaluateRule } from './evaluate-rule.ts';
import type { Rule } from './rule.ts';

/** Names of the segments a rule refers to, in document order, without repeats. */
export function segmentReferences(rule: Rule): string[] {
  const out = new Set<string>();
  const visit = (r: Rule): void => {
    if ('all' in r) r.all.forEach(visit);
    else if ('any' in r) r.any.forEach(visit);
    else if ('not' in r) visit(r.not);
    else if ('segment' in r) out.add(r.segment);
  };
  visit(rule);
  return [...out];
}

/**
 * Segment names so that each comes after every segment it refers to. INVALID_INPUT naming the cycle
 * ("a -> b -> a") when there is one, or the unknown name when a rule refers to a segment not in `rules`.
 */
export function segmentOrder(rules: ReadonlyMap<string, Rule>): string[] {
  const order: string[] = [];
  const done = new Set<string>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const visit = (name: string): void => {
    if (done.has(name)) return;
    if (onStack.has(name)) {
      const cycle = [...stack.slice(stack.indexOf(name)), name];
      throw invalidInput(`segments refer to each other in a cycle: ${cycle.join(' -> ')}`, { cycle });
    }
    const rule = rules.get(name) as Rule;
    stack.push(name);
    onStack.add(name);
    for (const ref of segmentReferences(rule)) {
      if (!rules.has(ref)) throw invalidInput(`segment '${name}' refers to unknown segment '${ref}'`, { segment: name, unknown: ref });
      visit(ref);
    }
    stack.pop();
    onStack.delete(name);
    done.add(name);
    order.push(name);
  };
  for (const name of rules.keys()) visit(name);
  return order;
}

/**
 * The segments one user belongs to, evaluating in `order` (from segmentOrder) so a reference always reads
 * an already-decided membership. O(total rule nodes).
 */
export function segmentMemberships(rules: ReadonlyMap<string, Rule>, order: readonly string[], row: FeatureRow): Set<string> {
  const member = new Set<string>();
  for (const name of order) {
    const rule = rules.get(name);
    if (rule !== undefined && evaluateRule(rule, row, (s) => member.has(s))) member.add(name);
  }
  return member;
}
