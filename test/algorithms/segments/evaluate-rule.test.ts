import { describe, expect, it } from 'vitest';
import { evaluateRule } from '../../../src/algorithms/segments/evaluate-rule.ts';
import type { FeatureRow } from '../../../src/algorithms/segments/feature-table.ts';
import { parseRule } from '../../../src/algorithms/segments/parse-rule.ts';
import type { Rule } from '../../../src/algorithms/segments/rule.ts';
import { KNOWN } from './known-names.ts';

const row = (values: Record<string, number | null>, more: Partial<FeatureRow> = {}): FeatureRow => ({ userId: 'u', values, ...more });
const none = (): boolean => false;
const rule = (json: unknown): Rule => parseRule(json, KNOWN);
const cmp = (op: string, value: unknown): Rule => rule({ feature: 'age', op, value });

describe('evaluateRule: comparisons', () => {
  it.each([
    ['lt', 30, [false, false, true]],
    ['lte', 30, [false, true, true]],
    ['gt', 30, [true, false, false]],
    ['gte', 30, [true, true, false]],
    ['eq', 30, [false, true, false]],
    ['neq', 30, [true, false, true]],
    ['between', [29, 30], [false, true, true]],
    ['in', [31, 29], [true, false, true]],
  ])('age %s %j on ages 31, 30, 29', (op, value, expected) => {
    const r = cmp(op, value);
    expect([31, 30, 29].map((age) => evaluateRule(r, row({ age }), none))).toEqual(expected);
  });

  it('compares string attributes with eq, neq and in', () => {
    const u = row({}, { attributes: { gender: 'f', location: 'Lyon' } });
    expect(evaluateRule(rule({ feature: 'gender', op: 'eq', value: 'f' }), u, none)).toBe(true);
    expect(evaluateRule(rule({ feature: 'gender', op: 'neq', value: 'f' }), u, none)).toBe(false);
    expect(evaluateRule(rule({ feature: 'location', op: 'in', value: ['Paris', 'Lyon'] }), u, none)).toBe(true);
    expect(evaluateRule(rule({ feature: 'location', op: 'in', value: ['Paris'] }), u, none)).toBe(false);
  });
});

describe('evaluateRule: missing values', () => {
  const missing = [row({}), row({ age: null }), row({ age: Number.NaN })];
  it('makes every comparison on a missing feature false, neq included', () => {
    for (const [op, value] of [['lt', 1], ['gte', 0], ['eq', 3], ['neq', 3], ['between', [0, 200]], ['in', [1]]] as const) {
      expect(missing.map((u) => evaluateRule(cmp(op, value), u, none))).toEqual([false, false, false]);
    }
    expect(evaluateRule(rule({ feature: 'gender', op: 'neq', value: 'f' }), row({}, { attributes: { gender: null } }), none)).toBe(false);
  });
  it('lets not negate the boolean: not (recencyDays < 30) holds for a user who never purchased', () => {
    const r = rule({ not: { feature: 'recencyDays', op: 'lt', value: 30 } });
    expect(evaluateRule(r, row({ recencyDays: null }), none)).toBe(true);
    expect(evaluateRule(r, row({ recencyDays: 10 }), none)).toBe(false);
    expect(evaluateRule(r, row({ recencyDays: 30 }), none)).toBe(true);
  });
  it('treats a missing affinity as false and compares a present one with >=', () => {
    const r = rule({ affinity: { category: 'c1' }, gte: 0.2 });
    expect(evaluateRule(r, row({}), none)).toBe(false);
    expect(evaluateRule(r, row({}, { affinities: { 'category:c1': 0.2 } }), none)).toBe(true);
    expect(evaluateRule(r, row({}, { affinities: { 'category:c1': 0.19, 'tag:c1': 0.9 } }), none)).toBe(false);
    expect(evaluateRule(rule({ affinity: { tag: 'c1' }, gte: 0.5 }), row({}, { affinities: { 'tag:c1': 0.9 } }), none)).toBe(true);
  });
});

describe('evaluateRule: connectives and segments', () => {
  const a = { feature: 'age', op: 'gte', value: 18 };
  const b = { feature: 'frequency', op: 'gt', value: 2 };
  it.each([
    [20, 3, true, true],
    [20, 1, false, true],
    [10, 3, false, true],
    [10, 1, false, false],
  ])('age %i, frequency %i: all=%s any=%s', (age, frequency, all, any) => {
    const u = row({ age, frequency });
    expect(evaluateRule(rule({ all: [a, b] }), u, none)).toBe(all);
    expect(evaluateRule(rule({ any: [a, b] }), u, none)).toBe(any);
    expect(evaluateRule(rule({ not: { all: [a, b] } }), u, none)).toBe(!all);
  });
  it('asks the caller about segment membership, with the referenced name', () => {
    const asked: string[] = [];
    const inSegment = (name: string): boolean => {
      asked.push(name);
      return name === 'vip';
    };
    expect(evaluateRule(rule({ segment: 'vip' }), row({}), inSegment)).toBe(true);
    expect(evaluateRule(rule({ not: { segment: 'lapsed' } }), row({}), inSegment)).toBe(true);
    expect(asked).toEqual(['vip', 'lapsed']);
  });
});
