import { describe, expect, it } from 'vitest';
import { hotItems } from '../../../src/algorithms/trending/hot-items.ts';
import { expectAppError } from '../markov/expect-app-error.ts';

const WEEK_VS_4_WEEKS = { windowDays: 7, baselineDays: 28 } as const;

describe('hotItems: Poisson z-score against the smoothed own baseline', () => {
  // mu = (28 + 0 + 56) / (3 * 28) = 1 per day; priorDays 7:
  // A: rate (28 + 7) / 35 = 1   -> expected 7,    z = (10 - 7) / sqrt 7
  // B: rate (0 + 7) / 35 = 0.2  -> expected 1.4,  z = 1.6 / sqrt 1.4
  // C: rate (56 + 7) / 35 = 1.8 -> expected 12.6, z < 0: not hot although it sells the most
  const counts = [
    { itemId: 'A', recent: 10, baseline: 28 },
    { itemId: 'B', recent: 3, baseline: 0 },
    { itemId: 'C', recent: 12, baseline: 56 },
  ];

  it('scores by hand and orders by score', () => {
    const hot = hotItems(counts, { ...WEEK_VS_4_WEEKS, priorDays: 7 }, 10);
    expect(hot.map((h) => h.itemId)).toEqual(['B', 'A']);
    const [b, a] = hot;
    expect(b?.score).toBeCloseTo(1.6 / Math.sqrt(1.4), 12);
    expect(b?.expectedRecent).toBeCloseTo(1.4, 12);
    expect(b?.ratio).toBeCloseTo(3 / 1.4, 12);
    expect(a).toMatchObject({ recentCount: 10, baselineCount: 28 });
    expect(a?.score).toBeCloseTo(3 / Math.sqrt(7), 12);
    expect(a?.expectedRecent).toBeCloseTo(7, 12);
  });

  it('defaults priorDays to 7 and minRecent to 1; first truncates', () => {
    expect(hotItems(counts, WEEK_VS_4_WEEKS, 10)).toEqual(hotItems(counts, { ...WEEK_VS_4_WEEKS, priorDays: 7, minRecent: 1 }, 10));
    expect(hotItems(counts, WEEK_VS_4_WEEKS, 1).map((h) => h.itemId)).toEqual(['B']);
    expect(hotItems(counts, WEEK_VS_4_WEEKS, 0)).toEqual([]);
  });

  it('breaks score ties by itemId ascending', () => {
    const tied = [
      { itemId: 'b', recent: 5, baseline: 4 },
      { itemId: 'a', recent: 5, baseline: 4 },
      { itemId: 'c', recent: 9, baseline: 4 },
      { itemId: 'B', recent: 5, baseline: 4 },
    ];
    expect(hotItems(tied, WEEK_VS_4_WEEKS, 10).map((h) => h.itemId)).toEqual(['c', 'B', 'a', 'b']);
  });

  it('smoothing: a steady best-seller that rose beats a new item with 3 sales; without it the new item wins', () => {
    // mu = 336 / 84 = 4 per day.
    const mixed = [
      { itemId: 'steady', recent: 100, baseline: 280 },
      { itemId: 'new', recent: 3, baseline: 0 },
      { itemId: 'other', recent: 14, baseline: 56 },
    ];
    // priorDays 7: steady rate (280 + 28) / 35 = 8.8 -> expected 61.6; new: 28 / 35 * 7 = 5.6 > 3, not hot
    const smoothed = hotItems(mixed, WEEK_VS_4_WEEKS, 10);
    expect(smoothed.map((h) => h.itemId)).toEqual(['steady']);
    expect(smoothed[0]?.score).toBeCloseTo(38.4 / Math.sqrt(61.6), 12);
    // priorDays 0.01: new expects 0.04 / 28.01 * 7 and its z explodes to ~30
    const raw = hotItems(mixed, { ...WEEK_VS_4_WEEKS, priorDays: 0.01 }, 10);
    expect(raw.map((h) => h.itemId)).toEqual(['new', 'steady']);
    const e = (0.04 / 28.01) * 7;
    expect(raw[0]?.score).toBeCloseTo((3 - e) / Math.sqrt(e), 9);
  });

  it('minRecent drops items with too few recent events', () => {
    expect(hotItems(counts, { ...WEEK_VS_4_WEEKS, minRecent: 4 }, 10).map((h) => h.itemId)).toEqual(['A']);
  });

  it('with no baseline event anywhere, the prior rate is the mean recent rate', () => {
    // mu = 4 / (2 * 7) = 2/7 per day; x: (0 + 7 * 2/7) / 35 * 7 = 0.4 -> z = 3.6 / sqrt 0.4
    const hot = hotItems([{ itemId: 'x', recent: 4, baseline: 0 }, { itemId: 'y', recent: 0, baseline: 0 }], WEEK_VS_4_WEEKS, 5);
    expect(hot).toHaveLength(1);
    expect(hot[0]?.score).toBeCloseTo(3.6 / Math.sqrt(0.4), 12);
  });

  it('returns only positive scores, in non-increasing order', () => {
    const many = Array.from({ length: 50 }, (_, i) => ({ itemId: `i${i}`, recent: (i * 7) % 13, baseline: (i * 11) % 29 }));
    const hot = hotItems(many, WEEK_VS_4_WEEKS, 50);
    expect(hot.length).toBeGreaterThan(0);
    expect(hot.every((h) => h.score > 0 && h.recentCount >= 1)).toBe(true);
    for (let i = 1; i < hot.length; i++) expect(hot[i]?.score).toBeLessThanOrEqual(hot[i - 1]?.score ?? -Infinity);
  });

  it('empty input -> empty output; nothing anywhere -> nothing hot', () => {
    expect(hotItems([], WEEK_VS_4_WEEKS, 10)).toEqual([]);
    expect(hotItems([{ itemId: 'z', recent: 0, baseline: 0 }], { ...WEEK_VS_4_WEEKS, minRecent: 0 }, 10)).toEqual([]);
  });

  it('rejects bad windows, counts, duplicates and first', () => {
    expectAppError(() => hotItems(counts, { windowDays: 0, baselineDays: 28 }, 5));
    expectAppError(() => hotItems(counts, { ...WEEK_VS_4_WEEKS, priorDays: 0 }, 5));
    expectAppError(() => hotItems([{ itemId: 'a', recent: -1, baseline: 0 }], WEEK_VS_4_WEEKS, 5));
    expectAppError(() => hotItems([{ itemId: 'a', recent: 1, baseline: 0 }, { itemId: 'a', recent: 2, baseline: 0 }], WEEK_VS_4_WEEKS, 5));
    expectAppError(() => hotItems(counts, WEEK_VS_4_WEEKS, -1));
  });
});
