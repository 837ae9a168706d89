import { describe, expect, it } from 'vitest';
import { DAY_OF_WEEK_FACTOR } from '../../src/sources/demo/calendar.ts';
import { createDemoSource, demoPreset } from '../../src/sources/demo/demo-source.ts';
import { demoTruth } from '../../src/sources/demo/demo-truth.ts';
import { collect, ofKind } from './collect.ts';
import { clusteredShareZ, sessionsOf } from './demo-sessions.ts';

const DAY_MS = 86_400_000;
const options = demoPreset('small');

describe('demo shop: weekly seasonality and category trends (small preset)', async () => {
  const truth = demoTruth(options);
  const { rows } = await collect(createDemoSource(options));
  const events = ofKind(rows, 'event').map((r) => r.event);
  const categoryOf = new Map(ofKind(rows, 'item').map((r) => [r.item.id as string, Number(r.item.categoryIds?.[0]?.slice(1)) - 1]));
  const sessions = sessionsOf(events).map((s) => ({ events: s, day: Math.floor(((s[0]?.ts ?? 0) - truth.periodStart) / DAY_MS) }));
  const days = Array.from({ length: truth.days }, (_, d) => d);
  const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

  it('spreads sessions over the 16 weeks from startTs, weekdays Monday first', () => {
    expect(truth.days).toBe(112);
    expect(truth.weekday(0)).toBe(0); // 2024-01-01 was a Monday
    expect(truth.weekday(5)).toBe(5);
    expect(Math.min(...sessions.map((s) => s.day))).toBe(0);
    expect(Math.max(...sessions.map((s) => s.day))).toBe(111);
    expect(truth.dayOfWeekFactor).toEqual(DAY_OF_WEEK_FACTOR);
    expect(sum([...truth.dayOfWeekFactor]) / 7).toBeCloseTo(1, 12);
    expect(sum(days.map((d) => truth.expectedDailySessions(d)))).toBeCloseTo(sessions.length, 6);
  });

  it('has the planted weekly seasonality: each weekday\'s share of sessions within 4 standard errors of the truth', () => {
    // Session days are independent draws given each user's session count (loyal users' are stratified, which
    // only lowers the variance), so a weekday's count is binomial at most: SE = sqrt(p (1 - p) / n).
    const expected = Array.from({ length: 7 }, (_, w) => sum(days.filter((d) => truth.weekday(d) === w).map((d) => truth.expectedDailySessions(d))));
    const total = sum(expected);
    for (let w = 0; w < 7; w++) {
      const p = (expected[w] ?? 0) / total;
      const observed = sessions.filter((s) => truth.weekday(s.day) === w).length / sessions.length;
      expect(Math.abs(observed - p), `weekday ${w}`).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / sessions.length));
    }
    // The weekend peak itself: a weekend day sees clearly more sessions than a weekday.
    const weekendRate = sessions.filter((s) => truth.weekday(s.day) >= 5).length / 2;
    const weekdayRate = sessions.filter((s) => truth.weekday(s.day) < 5).length / 5;
    expect(weekendRate / weekdayRate).toBeGreaterThan(1.4);
  });

  it('has the planted category trends: each category\'s late-half share of views within 4.5 standard errors', () => {
    const halfway = truth.days / 2;
    const lateShares: [number, number][] = [];
    for (let c = 0; c < options.categories; c++) {
      const expectedEarly = sum(days.filter((d) => d < halfway).map((d) => truth.expectedDailyEvents(c, d, 'view')));
      const expectedLate = sum(days.filter((d) => d >= halfway).map((d) => truth.expectedDailyEvents(c, d, 'view')));
      const p = expectedLate / (expectedEarly + expectedLate);
      const counts = sessions.map((s) => ({ n: s.events.filter((e) => e.type === 'view' && categoryOf.get(e.itemId) === c).length, inGroup: s.day >= halfway }));
      expect(Math.abs(clusteredShareZ(counts, p)), `category ${c}`).toBeLessThan(4.5);
      lateShares.push([p, sum(counts.filter((x) => x.inGroup).map((x) => x.n)) / sum(counts.map((x) => x.n))]);
    }
    // Visible: categories the truth says grow end with a larger share of their views than those that decline.
    const growing = lateShares.filter((_, c) => truth.categoryTrend(c).end > 1.3).map(([, q]) => q);
    const declining = lateShares.filter((_, c) => truth.categoryTrend(c).end < 0.7).map(([, q]) => q);
    expect(growing.length).toBeGreaterThan(1);
    expect(declining.length).toBeGreaterThan(1);
    expect(Math.min(...growing)).toBeGreaterThan(Math.max(...declining));
  });

  it('has the planted daily purchase intensity: purchases per week within 4.5 standard errors of expectedDailyPurchases', () => {
    const expectedPerDay = days.map((d) => sum(Array.from({ length: options.categories }, (_, c) => truth.expectedDailyPurchases(c, d))));
    const total = sum(expectedPerDay);
    const purchases = sum(sessions.map((s) => s.events.filter((e) => e.type === 'purchase').length));
    // Total: each session's purchases are independent given the session counts; 4.5 cluster-robust SE.
    const perSession = sessions.map((s) => s.events.filter((e) => e.type === 'purchase').length);
    const mean = purchases / sessions.length;
    const se = Math.sqrt(sum(perSession.map((n) => (n - mean) ** 2)));
    expect(Math.abs(purchases - total)).toBeLessThan(4.5 * se);
    for (let week = 0; week < 16; week++) {
      const p = sum(expectedPerDay.slice(7 * week, 7 * week + 7)) / total;
      const counts = sessions.map((s, k) => ({ n: perSession[k] ?? 0, inGroup: Math.floor(s.day / 7) === week }));
      expect(Math.abs(clusteredShareZ(counts, p)), `week ${week}`).toBeLessThan(4.5);
    }
  });

  it('honours a shorter period: every event of a 3-week shop inside it, every churner gone before its end', async () => {
    const short = demoPreset('tiny', { weeks: 3 });
    const shortTruth = demoTruth(short);
    const shortEvents = ofKind((await collect(createDemoSource(short))).rows, 'event').map((r) => r.event);
    expect(shortTruth.days).toBe(21);
    expect(shortEvents.filter((e) => e.ts < shortTruth.periodStart || e.ts >= (shortTruth.churnTs(e.userId) ?? shortTruth.periodEnd))).toEqual([]);
    expect(shortEvents.length).toBeGreaterThanOrEqual(1_000);
  });
});
