import { describe, expect, it } from 'vitest';
import { OperationNames } from '../../src/observability/operation-names.ts';

describe('OperationNames: bounded metric labels from client-chosen names', () => {
  it('keeps GraphQL names as sent and calls a missing name anonymous', () => {
    const names = new OperationNames(3);
    expect(names.label('Recs')).toBe('Recs');
    expect(names.label(undefined)).toBe('anonymous');
    expect(names.label(null)).toBe('anonymous');
    expect(names.label('')).toBe('anonymous');
  });

  it('labels strings that are not GraphQL names as other', () => {
    const names = new OperationNames(3);
    expect(names.label('drop table')).toBe('other');
    expect(names.label('1abc')).toBe('other');
    expect(names.label('a'.repeat(65))).toBe('other');
  });

  it('after max distinct names, new ones share other while known ones keep their label', () => {
    const names = new OperationNames(2);
    expect(names.label('A')).toBe('A');
    expect(names.label('B')).toBe('B');
    expect(names.label('C')).toBe('other');
    expect(names.label('A')).toBe('A');
  });
});
