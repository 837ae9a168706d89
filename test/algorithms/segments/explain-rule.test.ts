import { describe, expect, it } from 'vitest';
import { explainRule } from '../../../src/algorithms/segments/explain-rule.ts';
import { parseRule } from '../../../src/algorithms/segments/parse-rule.ts';
import { KNOWN } from './known-names.ts';

const explain = (json: unknown, labels?: (key: string) => string): string =>
  explainRule(parseRule(json, KNOWN), labels ? { labels } : {});

describe('explainRule', () => {
  it('writes nested groups in parentheses and a membership negation without', () => {
    expect(
      explain({
        all: [
          { feature: 'recencyDays', op: 'lt', value: 30 },
          { any: [{ affinity: { category: 'c1' }, gte: 0.2 }, { not: { segment: 'vip' } }] },
        ],
      }),
    ).toBe("recencyDays < 30 and (category c1 affinity >= 0.2 or not member of 'vip')");
  });
  it('writes every op', () => {
    expect(
      explain({
        any: [
          { feature: 'age', op: 'lte', value: 30 },
          { feature: 'age', op: 'gt', value: 1 },
          { feature: 'age', op: 'gte', value: 2 },
          { feature: 'age', op: 'eq', value: 3 },
          { feature: 'age', op: 'neq', value: 4 },
          { feature: 'age', op: 'between', value: [18, 30] },
          { feature: 'age', op: 'in', value: [1, 2] },
          { feature: 'location', op: 'in', value: ['Paris', "L'Isle"] },
          { feature: 'gender', op: 'eq', value: 'f' },
          { affinity: { tag: 't3' }, gte: 0.5 },
        ],
      }),
    ).toBe(
      "age <= 30 or age > 1 or age >= 2 or age = 3 or age != 4 or age between 18 and 30 or age in (1, 2) or " +
        "location in ('Paris', 'L\\'Isle') or gender = 'f' or tag t3 affinity >= 0.5",
    );
  });
  it('wraps a negated comparison or group, flattens single-child groups, keeps nested and-groups', () => {
    expect(explain({ not: { feature: 'recencyDays', op: 'lt', value: 30 } })).toBe('not (recencyDays < 30)');
    expect(explain({ not: { any: [{ segment: 'vip' }, { segment: 'lapsed' }] } })).toBe("not (member of 'vip' or member of 'lapsed')");
    expect(explain({ all: [{ any: [{ segment: 'vip' }] }] })).toBe("member of 'vip'");
    expect(explain({ all: [{ segment: 'vip' }, { all: [{ segment: 'lapsed' }, { feature: 'age', op: 'gt', value: 1 }] }] })).toBe(
      "member of 'vip' and (member of 'lapsed' and age > 1)",
    );
  });
  it('names affinities with the caller labels', () => {
    const labels = (key: string): string => (key === 'category:c1' ? 'Electronics' : key);
    expect(explain({ affinity: { category: 'c1' }, gte: 0.2 }, labels)).toBe('Electronics affinity >= 0.2');
  });
});
