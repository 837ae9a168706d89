import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RFM_SEGMENTS, rfmFm, rfmScores, rfmSegment, rfmSegments, type RfmInput } from '../../../src/algorithms/segments/rfm-segments.ts';
import { expectAppError } from '../markov/expect-app-error.ts';

// Ten buyers with ties on every axis (recency 2 and 30 twice, frequency 1 five times, monetary 20 twice and
// 60 three times), one user who never bought and one with an incomplete record.
const rows: RfmInput[] = [
  { userId: 'u1', recencyDays: 2, frequency: 10, monetary: 900 },
  { userId: 'u2', recencyDays: 2, frequency: 1, monetary: 20 },
  { userId: 'u3', recencyDays: 5, frequency: 4, monetary: 300 },
  { userId: 'u4', recencyDays: 10, frequency: 1, monetary: 60 },
  { userId: 'u5', recencyDays: 30, frequency: 8, monetary: 500 },
  { userId: 'u6', recencyDays: 30, frequency: 1, monetary: 20 },
  { userId: 'u7', recencyDays: 60, frequency: 6, monetary: 400 },
  { userId: 'u8', recencyDays: 90, frequency: 1, monetary: 60 },
  { userId: 'u9', recencyDays: 200, frequency: 12, monetary: 1200 },
  { userId: 'u10', recencyDays: 400, frequency: 1, monetary: 60 },
  { userId: 'never', recencyDays: null, frequency: 0, monetary: 0 },
  { userId: 'partial', recencyDays: 50, frequency: 2, monetary: null },
];

describe('rfmScores', () => {
  it('scores 1 + floor(5 * worse / n) with ties sharing a score (hand-computed, n = 10)', () => {
    // e.g. u3: R: 7 users with more days -> 1 + floor(35/10) = 4; F: five 1s below 4 -> 1 + floor(25/10) = 3;
    // M: 20, 20, 60, 60, 60 below 300 -> 3. The three 60s each have 2 worse -> 1 + floor(10/10) = 2.
    const s = rfmScores(rows);
    expect(Object.fromEntries([...s].map(([u, { r, f, m }]) => [u, [r, f, m]]))).toEqual({
      u1: [5, 5, 5],
      u2: [5, 1, 1],
      u3: [4, 3, 3],
      u4: [4, 1, 2],
      u5: [3, 4, 4],
      u6: [3, 1, 1],
      u7: [2, 4, 4],
      u8: [2, 1, 2],
      u9: [1, 5, 5],
      u10: [1, 1, 2],
    });
  });
  it('leaves out users without a purchase or with an incomplete record', () => {
    const s = rfmScores(rows);
    expect(s.has('never')).toBe(false);
    expect(s.has('partial')).toBe(false);
  });
  it('gives a lone buyer 1 and empty input nothing', () => {
    expect(rfmScores([{ userId: 'a', recencyDays: 1, frequency: 1, monetary: 1 }]).get('a')).toEqual({ r: 1, f: 1, m: 1 });
    expect(rfmScores([]).size).toBe(0);
  });
  it('rejects a user listed twice', () => {
    const a = { userId: 'a', recencyDays: 1, frequency: 1, monetary: 1 };
    expectAppError(() => rfmScores([a, a]));
  });
  it('keeps scores in 1..5, equal values equal, better values never lower (property)', () => {
    const row = fc.record({ recencyDays: fc.integer({ min: 0, max: 20 }), frequency: fc.integer({ min: 0, max: 6 }), monetary: fc.integer({ min: 0, max: 9 }) });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 40 }), (raw) => {
        const input = raw.map((r, i) => ({ userId: `u${i}`, ...r }));
        const s = rfmScores(input);
        for (const [i, a] of input.entries()) {
          const sa = s.get(a.userId)!;
          for (const v of [sa.r, sa.f, sa.m]) expect(v >= 1 && v <= 5 && Number.isInteger(v)).toBe(true);
          for (const b of input.slice(i + 1)) {
            const sb = s.get(b.userId)!;
            if (a.recencyDays === b.recencyDays) expect(sa.r).toBe(sb.r);
            if (a.recencyDays < b.recencyDays) expect(sa.r).toBeGreaterThanOrEqual(sb.r);
            if (a.frequency === b.frequency) expect(sa.f).toBe(sb.f);
            if (a.monetary > b.monetary) expect(sa.m).toBeGreaterThanOrEqual(sb.m);
          }
        }
      }),
    );
  });
});

describe('rfmSegment', () => {
  it('names each of the ten hand-scored users', () => {
    expect(Object.fromEntries(rfmSegments(rows))).toEqual({
      u1: 'champions',
      u2: 'new_customers',
      u3: 'loyal_customers',
      u4: 'potential_loyalists', // fm = round((1 + 2) / 2) = 2, half up
      u5: 'loyal_customers',
      u6: 'promising',
      u7: 'at_risk',
      u8: 'need_attention',
      u9: 'cannot_lose_them',
      u10: 'hibernating',
    });
  });
  it('rounds FM half up', () => {
    expect(rfmFm({ f: 1, m: 2 })).toBe(2);
    expect(rfmFm({ f: 4, m: 5 })).toBe(5);
    expect(rfmFm({ f: 2, m: 2 })).toBe(2);
  });
  it('maps the whole R x FM grid as documented, reaching every segment', () => {
    const grid = [5, 4, 3, 2, 1].map((r) => [1, 2, 3, 4, 5].map((fm) => rfmSegment({ r, f: fm, m: fm })));
    expect(grid).toEqual([
      ['new_customers', 'potential_loyalists', 'loyal_customers', 'champions', 'champions'],
      ['promising', 'potential_loyalists', 'loyal_customers', 'champions', 'champions'],
      ['promising', 'need_attention', 'loyal_customers', 'loyal_customers', 'loyal_customers'],
      ['about_to_sleep', 'need_attention', 'at_risk', 'at_risk', 'at_risk'],
      ['lost', 'hibernating', 'at_risk', 'cannot_lose_them', 'cannot_lose_them'],
    ]);
    expect(new Set(grid.flat())).toEqual(new Set(RFM_SEGMENTS.map((s) => s.name)));
  });
  it('ends the table with a catch-all so every score gets exactly one segment', () => {
    expect(RFM_SEGMENTS.at(-1)?.matches(1, 1)).toBe(true);
    expect(RFM_SEGMENTS.map((s) => s.name)).toHaveLength(11);
  });
});
