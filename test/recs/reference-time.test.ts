// The reference time rule and its cache, without a database.
import { describe, expect, it } from 'vitest';
import { ReferenceClock, referenceTime } from '../../src/usecases/recommend/reference-time.ts';

const HOUR = 3_600_000;

describe('referenceTime', () => {
  it('is now for a store without events, or whose latest event is within the live margin', () => {
    expect(referenceTime(null, 1_000_000, HOUR)).toBe(1_000_000);
    expect(referenceTime(1_000_000 - HOUR, 1_000_000, HOUR)).toBe(1_000_000);
    expect(referenceTime(1_000_000 + 5, 1_000_000, HOUR)).toBe(1_000_000); // events in the future: still now
  });

  it('is the latest event plus the margin for a store idle longer than the margin', () => {
    expect(referenceTime(1_000, 10 * HOUR, HOUR)).toBe(1_000 + HOUR);
  });
});

describe('ReferenceClock', () => {
  it('reads at most once per TTL, shares a read between concurrent callers and drops a failed read', async () => {
    let now = 10 * HOUR;
    let reads = 0;
    let fail = false;
    const clock = new ReferenceClock(async () => {
      reads++;
      if (fail) throw new Error('down');
      return 1_000;
    }, { ttlMs: 60_000, liveMarginMs: HOUR }, () => now);
    expect(await Promise.all([clock.get(), clock.get()])).toEqual([1_000 + HOUR, 1_000 + HOUR]);
    expect(reads).toBe(1);
    now += 59_999;
    await clock.get();
    expect(reads).toBe(1);
    now += 1;
    fail = true;
    await expect(clock.get()).rejects.toThrow('down');
    fail = false;
    expect(await clock.get()).toBe(1_000 + HOUR);
    expect(reads).toBe(3);
    clock.invalidate();
    await clock.get();
    expect(reads).toBe(4);
  });
});
