import { describe, expect, it } from 'vitest';
import { parseRule } from '../../../src/algorithms/segments/parse-rule.ts';
import { ruleSchema } from '../../../src/algorithms/segments/rule.ts';
import { expectAppError } from '../markov/expect-app-error.ts';
import { KNOWN } from './known-names.ts';

const issuesOf = (json: unknown): { path: string; message: string }[] =>
  expectAppError(() => parseRule(json, KNOWN)).details['issues'] as { path: string; message: string }[];

describe('parseRule: valid documents', () => {
  it('returns the rule for every node kind', () => {
    const doc = {
      all: [
        { feature: 'recencyDays', op: 'lt', value: 30 },
        { feature: 'age', op: 'between', value: [18, 30] },
        { feature: 'location', op: 'in', value: ['Paris', 'Lyon'] },
        { feature: 'gender', op: 'neq', value: 'f' },
        { any: [{ affinity: { category: 'c1' }, gte: 0.2 }, { affinity: { tag: 't3' }, gte: 1 }] },
        { not: { segment: 'vip' } },
      ],
    };
    expect(parseRule(doc, KNOWN)).toEqual(doc);
    expect(ruleSchema.safeParse(doc).success).toBe(true);
  });
  it('accepts nesting of exactly 8 levels', () => {
    let doc: unknown = { segment: 'vip' };
    for (let i = 0; i < 7; i++) doc = { not: doc };
    expect(() => parseRule(doc, KNOWN)).not.toThrow();
  });
  it('accepts any segment name when the caller gives no segment list', () => {
    expect(parseRule({ segment: 'later' }, { features: KNOWN.features, attributes: KNOWN.attributes })).toEqual({ segment: 'later' });
  });
});

describe('parseRule: errors with their paths', () => {
  it('reports every issue at once, each with its path, in document order', () => {
    const err = expectAppError(() =>
      parseRule(
        {
          all: [
            { feature: 'recencyDay', op: 'lt', value: 30 },
            { any: [] },
            { feature: 'age', op: 'between', value: [40, 30] },
          ],
        },
        KNOWN,
      ),
    );
    expect(err.details['issues']).toEqual([
      { path: 'rule.all[0].feature', message: "unknown feature 'recencyDay'; did you mean 'recencyDays'?" },
      { path: 'rule.all[1].any', message: 'must have at least one rule' },
      { path: 'rule.all[2].value', message: 'between needs [min, max] with min <= max' },
    ]);
    expect(err.message).toBe(
      "invalid rule: rule.all[0].feature: unknown feature 'recencyDay'; did you mean 'recencyDays'?; " +
        'rule.all[1].any: must have at least one rule; rule.all[2].value: between needs [min, max] with min <= max',
    );
  });

  it('suggests the closest known names (features and attributes), or none', () => {
    expect(issuesOf({ feature: 'gendr', op: 'eq', value: 'f' })).toEqual([
      { path: 'rule.feature', message: "unknown feature 'gendr'; did you mean 'gender'?" },
    ]);
    expect(issuesOf({ feature: 'Age', op: 'eq', value: 3 })[0]?.message).toBe("unknown feature 'Age'; did you mean 'age'?");
    expect(issuesOf({ feature: 'shoeSize', op: 'gt', value: 40 })[0]?.message).toBe("unknown feature 'shoeSize'");
  });

  it('checks the value type against the op and the feature kind', () => {
    expect(issuesOf({ feature: 'age', op: 'gt', value: '30' })).toEqual([
      { path: 'rule.value', message: "gt on numeric feature 'age' needs a number" },
    ]);
    expect(issuesOf({ feature: 'age', op: 'in', value: [] })[0]?.message).toBe("in on numeric feature 'age' needs a non-empty list of numbers");
    expect(issuesOf({ feature: 'age', op: 'between', value: [1, 2, 3] })[0]?.message).toBe('between needs [min, max] with min <= max');
    expect(issuesOf({ feature: 'gender', op: 'eq', value: 1 })).toEqual([
      { path: 'rule.value', message: "eq on attribute 'gender' needs a string" },
    ]);
    expect(issuesOf({ feature: 'location', op: 'in', value: ['Paris', 3] })[0]?.message).toBe(
      "in on attribute 'location' needs a non-empty list of strings",
    );
    expect(issuesOf({ feature: 'gender', op: 'lt', value: 'm' })).toEqual([
      { path: 'rule.op', message: "lt is not defined for attribute 'gender'; use eq, neq or in" },
    ]);
  });

  it('reports malformed nodes: unknown op, missing field, extra key, two kinds, not an object', () => {
    expect(issuesOf({ feature: 'age', op: 'like', value: 3 })).toEqual([
      { path: 'rule.op', message: 'must be one of lt, lte, gt, gte, eq, neq, between, in' },
    ]);
    expect(issuesOf({ feature: 'age', value: 3 })).toEqual([{ path: 'rule.op', message: 'is required' }]);
    expect(issuesOf({ segment: 'vip', valeu: 1 })).toEqual([
      { path: 'rule', message: "unknown key 'valeu'; a 'segment' rule has only segment" },
    ]);
    expect(issuesOf({ all: [{ segment: 'vip' }], feature: 'age' })).toEqual([
      { path: 'rule', message: 'has all and feature; a rule node is exactly one of all, any, not, feature, affinity, segment' },
    ]);
    expect(issuesOf({ not: 42 })).toEqual([
      { path: 'rule.not', message: 'must be an object with one of all, any, not, feature, affinity, segment' },
    ]);
    expect(issuesOf({ affinity: { brand: 'x' }, gte: 1.5 })).toEqual([
      { path: 'rule.affinity', message: 'must be { category: string } or { tag: string }' },
      { path: 'rule.gte', message: 'must be in [0, 1]' },
    ]);
  });

  it('rejects an unknown segment with a suggestion', () => {
    expect(issuesOf({ any: [{ segment: 'vip' }, { segment: 'vipp' }] })).toEqual([
      { path: 'rule.any[1].segment', message: "unknown segment 'vipp'; did you mean 'vip'?" },
    ]);
  });

  it('rejects nesting deeper than 8 levels at the first node too deep', () => {
    let doc: unknown = { segment: 'vip' };
    for (let i = 0; i < 8; i++) doc = { not: doc };
    expect(issuesOf(doc)).toEqual([{ path: `rule${'.not'.repeat(8)}`, message: 'nesting deeper than 8 levels' }]);
  });

  it('rejects more than 200 nodes, reported once', () => {
    const leaf = { feature: 'age', op: 'gt', value: 1 };
    expect(() => parseRule({ any: Array.from({ length: 199 }, () => leaf) }, KNOWN)).not.toThrow(); // 200 nodes
    expect(issuesOf({ any: Array.from({ length: 300 }, () => leaf) })).toEqual([{ path: 'rule', message: 'has more than 200 nodes' }]);
  });
});
