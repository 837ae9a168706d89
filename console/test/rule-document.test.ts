import { describe, expect, it } from 'vitest';
import { parseScalar, ruleDocument } from '../src/lib/rule-document.ts';

describe('ruleDocument', () => {
  it('builds one condition alone, several under all/any, with typed values', () => {
    expect(ruleDocument('all', [{ feature: 'frequency', op: 'gte', value: '2' }])).toEqual({ feature: 'frequency', op: 'gte', value: 2 });
    expect(ruleDocument('any', [
      { feature: 'location', op: 'eq', value: 'Oslo' },
      { feature: 'recencyDays', op: 'between', value: '1, 30' },
      { feature: 'rfmSegment', op: 'in', value: 'champions,at risk' },
      { feature: 'segment:rfm-lost', op: 'gte', value: '' },
    ])).toEqual({ any: [
      { feature: 'location', op: 'eq', value: 'Oslo' },
      { feature: 'recencyDays', op: 'between', value: [1, 30] },
      { feature: 'rfmSegment', op: 'in', value: ['champions', 'at risk'] },
      { segment: 'rfm-lost' },
    ] });
  });

  it('parses numbers and booleans, keeps other text', () => {
    expect(parseScalar(' 0.5 ')).toBe(0.5);
    expect(parseScalar('true')).toBe(true);
    expect(parseScalar('')).toBe('');
    expect(parseScalar('12abc')).toBe('12abc');
  });
});
