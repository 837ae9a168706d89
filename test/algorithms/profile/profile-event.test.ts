import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utcHour, utcWeekday } from '../../../src/algorithms/profile/index.ts';

describe('utcHour / utcWeekday', () => {
  it('2024-01-01 00:00 UTC is Monday (0), hour 0; 1970-01-01 is Thursday (3)', () => {
    expect([utcWeekday(Date.UTC(2024, 0, 1)), utcHour(Date.UTC(2024, 0, 1))]).toEqual([0, 0]);
    expect(utcWeekday(0)).toBe(3);
    expect(utcWeekday(-1)).toBe(2); // 1969-12-31 23:59:59.999, a Wednesday
    expect(utcHour(-1)).toBe(23);
  });

  it('agree with Date.getUTCHours / getUTCDay (Sunday 0 there, 6 here) for any time, also before 1970', () => {
    fc.assert(
      fc.property(fc.integer({ min: -4e12, max: 4e12 }), (ts) => {
        const d = new Date(ts);
        expect(utcHour(ts)).toBe(d.getUTCHours());
        expect(utcWeekday(ts)).toBe((d.getUTCDay() + 6) % 7);
      }),
    );
  });
});
