import { describe, expect, it } from 'vitest';
import type { Rule } from '../../../src/algorithms/segments/rule.ts';
import { segmentMemberships, segmentOrder, segmentReferences } from '../../../src/algorithms/segments/segment-order.ts';
import { expectAppError } from '../markov/expect-app-error.ts';

const rules = (entries: [string, Rule][]): Map<string, Rule> => new Map(entries);
const ref = (segment: string): Rule => ({ segment });

describe('segmentReferences', () => {
  it('lists referenced names in document order without repeats', () => {
    expect(segmentReferences({ all: [ref('b'), { not: { any: [ref('a'), ref('b')] } }, { feature: 'age', op: 'gt', value: 1 }] })).toEqual(['b', 'a']);
  });
});

describe('segmentOrder', () => {
  it('puts every segment after the segments it refers to', () => {
    const order = segmentOrder(
      rules([
        ['top', { all: [ref('mid'), ref('base')] }],
        ['mid', { not: ref('base') }],
        ['base', { feature: 'age', op: 'gt', value: 30 }],
        ['alone', { feature: 'age', op: 'lt', value: 20 }],
      ]),
    );
    expect(order).toEqual(['base', 'mid', 'top', 'alone']);
  });
  it('names the cycle', () => {
    const err = expectAppError(() => segmentOrder(rules([['a', ref('b')], ['b', { not: ref('a') }]])));
    expect(err.message).toBe('segments refer to each other in a cycle: a -> b -> a');
    expect(err.details['cycle']).toEqual(['a', 'b', 'a']);
    expect(expectAppError(() => segmentOrder(rules([['x', ref('y')], ['y', ref('z')], ['z', ref('y')]]))).message).toBe(
      'segments refer to each other in a cycle: y -> z -> y',
    );
    expect(expectAppError(() => segmentOrder(rules([['self', { any: [ref('self')] }]]))).message).toBe(
      'segments refer to each other in a cycle: self -> self',
    );
  });
  it('rejects a reference to a segment that is not defined', () => {
    expect(expectAppError(() => segmentOrder(rules([['a', ref('ghost')]]))).message).toBe("segment 'a' refers to unknown segment 'ghost'");
  });
});

describe('segmentMemberships', () => {
  it('evaluates in order so references read decided memberships', () => {
    const defs = rules([
      ['lapsedVip', { all: [ref('vip'), { not: { feature: 'recencyDays', op: 'lt', value: 90 } }] }],
      ['vip', { feature: 'monetary', op: 'gte', value: 1000 }],
    ]);
    const order = segmentOrder(defs);
    expect(order).toEqual(['vip', 'lapsedVip']);
    const member = (values: Record<string, number | null>): string[] => [...segmentMemberships(defs, order, { userId: 'u', values })];
    expect(member({ monetary: 1500, recencyDays: 200 })).toEqual(['vip', 'lapsedVip']);
    expect(member({ monetary: 1500, recencyDays: 10 })).toEqual(['vip']);
    expect(member({ monetary: 1500, recencyDays: null })).toEqual(['vip', 'lapsedVip']);
    expect(member({ monetary: 10, recencyDays: 200 })).toEqual([]);
  });
});
