import { describe, expect, it } from 'vitest';
import { dailyCounts } from '../../../src/algorithms/forecast/daily-series.ts';
import { expectAppError } from '../markov/expect-app-error.ts';

const at = (iso: string): number => Date.parse(iso);

describe('dailyCounts: UTC days, zero-filled, both end days included', () => {
  const ts = [
    '2024-03-08T23:59:59.999Z', // the day before: dropped
    '2024-03-09T00:00:00.000Z', // fromTs's day, earlier than fromTs: counted
    '2024-03-09T23:59:59.999Z',
    '2024-03-10T00:00:00.000Z',
    '2024-03-12T00:00:00.000Z', // toTs's day
    '2024-03-12T23:59:59.999Z', // later than toTs, same day: counted
    '2024-03-13T00:00:00.000Z', // dropped
  ].map(at);

  it('counts per UTC day between the day of fromTs and the day of toTs', () => {
    const s = dailyCounts(ts, at('2024-03-09T23:30:00Z'), at('2024-03-12T00:00:00Z'));
    expect(s).toEqual({ startDay: '2024-03-09', startTs: at('2024-03-09T00:00:00Z'), bucketMs: 86_400_000, counts: [2, 1, 0, 2] });
  });

  it('fills days without events with zeros, at the ends too', () => {
    const s = dailyCounts([at('2024-03-10T05:00:00Z')], at('2024-03-07T12:00:00Z'), at('2024-03-12T01:00:00Z'));
    expect(s.counts).toEqual([0, 0, 0, 1, 0, 0]);
    expect(s.startDay).toBe('2024-03-07');
  });

  it('a one-instant range is one day; timestamps need not be sorted', () => {
    const t = at('2024-02-29T10:00:00Z');
    expect(dailyCounts([t + 1, t - 36_000_000, t], t, t).counts).toEqual([3]);
  });

  it('buckets by hours, aligned on UTC midnight', () => {
    const s = dailyCounts(
      [at('2017-11-24T15:59:59Z'), at('2017-11-24T16:00:00Z'), at('2017-11-24T16:59:59Z'), at('2017-11-24T18:10:00Z')],
      at('2017-11-24T16:30:00Z'),
      at('2017-11-24T18:00:00Z'),
      { bucketHours: 1 },
    );
    expect(s).toEqual({ startDay: '2017-11-24', startTs: at('2017-11-24T16:00:00Z'), bucketMs: 3_600_000, counts: [2, 0, 1] });
    expect(dailyCounts([at('2024-01-01T13:00:00Z')], at('2024-01-01T00:00:00Z'), at('2024-01-01T23:00:00Z'), { bucketHours: 12 }).counts).toEqual([0, 1]);
  });

  it('rejects a reversed range, a bucket size that does not divide 24, and non-finite timestamps', () => {
    expectAppError(() => dailyCounts([], 10, 5));
    expectAppError(() => dailyCounts([], 0, 5, { bucketHours: 5 }));
    expectAppError(() => dailyCounts([Number.NaN], 0, 5));
    expectAppError(() => dailyCounts([], 0, 1e15)); // 11.6 million days: a seconds/ms mix-up
  });
});
