import { describe, expect, it } from 'vitest';
import { asOfFor, parseChainOptions, parseScope, parseSegment, parseWindow } from '../../src/usecases/analytics/analytics-input.ts';

const code = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
};

describe('analytics arguments', () => {
  it('parses windows to epoch ms; open bounds are null', () => {
    expect(parseWindow({ from: '2024-01-01T00:00:00Z', to: '2024-01-02T00:00:00.000Z' })).toEqual({ from: 1704067200000, to: 1704153600000 });
    expect(parseWindow(undefined)).toEqual({ from: null, to: null });
    expect(parseWindow({ from: null })).toEqual({ from: null, to: null });
  });

  it('rejects an inverted window with INVALID_INPUT', () => {
    expect(() => parseWindow({ from: '2024-02-01T00:00:00Z', to: '2024-01-01T00:00:00Z' })).toThrow(/window is inverted/);
    expect(code(() => parseWindow({ from: '2024-02-01T00:00:00Z', to: '2024-01-01T00:00:00Z' }))).toBe('INVALID_INPUT');
    expect(code(() => parseSegment({ acquiredFrom: '2024-02-01T00:00:00Z', acquiredTo: '2024-01-01T00:00:00Z' }))).toBe('INVALID_INPUT');
    expect(code(() => parseSegment({ minAge: 40, maxAge: 30 }))).toBe('INVALID_INPUT');
    expect(code(() => parseSegment({ userIds: [] }))).toBe('INVALID_INPUT');
  });

  it('fills every segment parameter, null meaning no filter', () => {
    expect(parseScope({ gender: 'female', minAge: 18, hasFriendWhoPurchased: false, acquiredTo: '2024-01-01T00:00:00Z' }, null)).toEqual({
      segment: {
        userIds: null, gender: 'female', minAge: 18, maxAge: null, location: null, categoryId: null,
        acquiredFrom: null, acquiredTo: 1704067200000, hasFriendWhoPurchased: false,
      },
      window: { from: null, to: null },
    });
  });

  it('parses chain options with defaults (alpha 0, minSupport 1, 30 min gap) and rejects bad ones', () => {
    expect(parseChainOptions(undefined)).toEqual({ alpha: 0, minSupport: 1, gapMs: 1_800_000 });
    expect(parseChainOptions({ smoothing: 0.5, minSupport: 10, sessionGapMinutes: 1.5 })).toEqual({ alpha: 0.5, minSupport: 10, gapMs: 90_000 });
    expect(code(() => parseChainOptions({ smoothing: -1 }))).toBe('INVALID_INPUT');
    expect(code(() => parseChainOptions({ minSupport: 0 }))).toBe('INVALID_INPUT');
    expect(code(() => parseChainOptions({ sessionGapMinutes: 0 }))).toBe('INVALID_INPUT');
  });

  it('judges sessions as of the end of the window, never later than now', () => {
    expect(asOfFor({ from: null, to: null }, 500)).toBe(500);
    expect(asOfFor({ from: null, to: 200 }, 500)).toBe(200);
    expect(asOfFor({ from: null, to: 900 }, 500)).toBe(500);
  });
});
