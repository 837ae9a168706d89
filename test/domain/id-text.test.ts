import { describe, expect, it } from 'vitest';
import { idTextProblem, requireId } from '../../src/domain/id-text.ts';

const failure = (f: () => unknown): { code: string | undefined; field: unknown; message: string | undefined } | undefined => {
  try {
    f();
  } catch (e) {
    const err = e as { code?: string; details?: { field?: unknown }; message?: string };
    return { code: err.code, field: err.details?.field, message: err.message };
  }
  return undefined;
};

describe('the shared id rule', () => {
  it('accepts ordinary ids, trimmed, including non-Latin letters and emoji', () => {
    expect(requireId('userId', '  u-42 ')).toBe('u-42');
    expect(requireId('userId', 'Zoë_李')).toBe('Zoë_李');
    expect(requireId('itemId', 'i🙂')).toBe('i🙂');
    expect(requireId('itemId', 'x'.repeat(200))).toHaveLength(200);
  });

  it.each([
    ['NUL', 'u1\u0000'],
    ['a C0 control', 'u\u00071'],
    ['DEL', 'u1\u007F'],
    ['a C1 control', 'u1\u0085'],
    ['zero-width space', 'u1\u200B'],
    ['zero-width non-joiner', 'u\u200C1'],
    ['zero-width joiner', 'u\u200D1'],
    ['a BOM (even where trim() would cut it)', 'u1\uFEFF'],
    ['right-to-left override', '\u202Eu1'],
    ['left-to-right embedding', 'u\u202A1'],
    ['a bidi isolate', 'u1\u2066'],
    ['pop directional isolate', 'u1\u2069'],
    ['a lone surrogate', 'u1\uD800'],
    ['a line separator', 'u1\u2028'],
  ])('rejects %s with INVALID_INPUT naming the field', (_name, id) => {
    expect(failure(() => requireId('userId', id))).toMatchObject({ code: 'INVALID_INPUT', field: 'userId' });
    expect(idTextProblem(id)).toMatch(/^contains the invisible or control character U\+[0-9A-F]{4}$/);
  });

  it('rejects empty and over-long ids', () => {
    expect(failure(() => requireId('eventId', '   '))).toMatchObject({ code: 'INVALID_INPUT', field: 'eventId', message: 'eventId must not be empty' });
    expect(failure(() => requireId('eventId', 'x'.repeat(201)))).toMatchObject({ code: 'INVALID_INPUT', field: 'eventId' });
  });
});
