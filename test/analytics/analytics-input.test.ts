import { describe, expect, it } from 'vitest';
import { asOfFor, parseChainOptions, sessionAsOf, parseDurationMs, parseScope, parseSegment, parseWindow } from '../../src/usecases/analytics/analytics-input.ts';

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
        userIds: null, segmentId: null, gender: 'female', minAge: 18, maxAge: null, location: null, categoryId: null,
        acquiredFrom: null, acquiredTo: 1704067200000, hasFriendWhoPurchased: false,
      },
      window: { from: null, to: null },
    });
    expect(parseScope({ segmentId: 'rfm-champions' }, null).segment.segmentId).toBe('rfm-champions');
  });

  it('parses chain options with defaults (alpha 0, minSupport 1, 30 min gap) and rejects bad ones', () => {
    expect(parseChainOptions(undefined)).toEqual({ alpha: 0, minSupport: 1, gapMs: 1_800_000, sessionEnd: 'GAP' });
    expect(parseChainOptions({ smoothing: 0.5, minSupport: 10, sessionGapMinutes: 1.5, sessionEnd: 'LAST_EVENT' })).toEqual({ alpha: 0.5, minSupport: 10, gapMs: 90_000, sessionEnd: 'LAST_EVENT' });
    expect(code(() => parseChainOptions({ smoothing: -1 }))).toBe('INVALID_INPUT');
    expect(code(() => parseChainOptions({ minSupport: 0 }))).toBe('INVALID_INPUT');
    expect(code(() => parseChainOptions({ sessionGapMinutes: 0 }))).toBe('INVALID_INPUT');
  });

  it('rejects options that pass "> 0" but break the algorithms, naming the field', () => {
    const field = (f: () => unknown): unknown => {
      try {
        f();
      } catch (e) {
        return (e as { details?: { field?: unknown } }).details?.field;
      }
      return undefined;
    };
    // 1e-9 minutes rounds to a 0 ms gap: every event would end its own session
    expect(field(() => parseChainOptions({ sessionGapMinutes: 1e-9 }))).toBe('options.sessionGapMinutes');
    expect(field(() => parseChainOptions({ sessionGapMinutes: Number.NaN }))).toBe('options.sessionGapMinutes');
    expect(field(() => parseChainOptions({ sessionGapMinutes: 1e300 }))).toBe('options.sessionGapMinutes');
    expect(field(() => parseChainOptions({ smoothing: 1e300 }))).toBe('options.smoothing');
    expect(field(() => parseChainOptions({ sessionEnd: 'SOMETIME' as 'GAP' }))).toBe('options.sessionEnd');
    expect(field(() => parseChainOptions({ minSupport: Number.POSITIVE_INFINITY }))).toBe('options.minSupport');
    expect(field(() => parseChainOptions({ minSupport: 1.5 }))).toBe('options.minSupport');
    expect(parseChainOptions({ sessionGapMinutes: 1 / 60_000 }).gapMs).toBe(1);
    expect(parseDurationMs(72, 3_600_000, 'conversionWindowHours')).toBe(259_200_000);
    expect(field(() => parseDurationMs(1e-12, 3_600_000, 'conversionWindowHours'))).toBe('conversionWindowHours');
    expect(field(() => parseDurationMs(-0, 3_600_000, 'conversionWindowHours'))).toBe('conversionWindowHours');
  });

  it('judges sessions as of the end of the window, never later than now', () => {
    expect(asOfFor({ from: null, to: null }, 500)).toBe(500);
    expect(asOfFor({ from: null, to: 200 }, 500)).toBe(200);
    expect(asOfFor({ from: null, to: 900 }, 500)).toBe(500);
  });
});

describe('session end rule', () => {
  it('GAP judges last sessions at the window end (or now); LAST_EVENT closes them all (asOf null)', () => {
    expect(sessionAsOf('GAP', { from: null, to: null }, 1_000)).toBe(1_000);
    expect(sessionAsOf('GAP', { from: null, to: 500 }, 1_000)).toBe(500);
    expect(sessionAsOf('LAST_EVENT', { from: null, to: 500 }, 1_000)).toBeNull();
  });
});
