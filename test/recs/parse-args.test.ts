import { describe, expect, it } from 'vitest';
import { decodeRankCursor, encodeRankCursor, parseRecommendArgs } from '../../src/usecases/recommend/parse-args.ts';
import { excludedItems, passesAttributes } from '../../src/usecases/recommend/filters.ts';
import { asItemId, asUserId } from '../../src/domain/ids.ts';
import { NO_FILTER } from '../../src/usecases/recommend/types.ts';

const code = (f: () => unknown) => {
  try {
    f();
    return 'ok';
  } catch (e) {
    return `${(e as { code?: string }).code}:${String((e as { details?: { field?: string } }).details?.field)}`;
  }
};

describe('parseRecommendArgs', () => {
  it('fills defaults: HYBRID, 20, offset 0, exclude seen and purchased, no diversity', () => {
    const r = parseRecommendArgs({ userId: ' u1 ' });
    expect(r).toEqual({ userId: 'u1', strategy: 'HYBRID', hybridWeights: null, first: 20, offset: 0, filter: NO_FILTER, diversity: null });
  });

  it('rejects first outside 1..100, minPrice > maxPrice, mmrLambda outside [0,1], bad cursors', () => {
    expect(code(() => parseRecommendArgs({ userId: 'u', first: 0 }))).toBe('INVALID_INPUT:first');
    expect(code(() => parseRecommendArgs({ userId: 'u', first: 101 }))).toBe('INVALID_INPUT:first');
    expect(code(() => parseRecommendArgs({ userId: 'u', filter: { minPrice: 5, maxPrice: 4 } }))).toBe('INVALID_INPUT:minPrice');
    expect(code(() => parseRecommendArgs({ userId: 'u', diversity: { mmrLambda: 1.5 } }))).toBe('INVALID_INPUT:mmrLambda');
    expect(code(() => parseRecommendArgs({ userId: 'u', diversity: { maxPerCategory: 0 } }))).toBe('INVALID_INPUT:maxPerCategory');
    expect(code(() => parseRecommendArgs({ userId: 'u', after: 'bm9wZQ' }))).toBe('INVALID_INPUT:after');
    expect(code(() => parseRecommendArgs({ userId: '  ' }))).toBe('INVALID_INPUT:userId');
    expect(code(() => parseRecommendArgs({ userId: 'u', first: 100, diversity: { mmrLambda: 0 } }))).toBe('ok');
  });

  it('round-trips rank cursors', () => {
    expect(decodeRankCursor(encodeRankCursor(40))).toBe(40);
    expect(parseRecommendArgs({ userId: 'u', after: encodeRankCursor(20) }).offset).toBe(20);
  });
});

describe('filters', () => {
  const user = { userId: asUserId('u'), personalisation: true, friends: [], following: [], items: [
    { itemId: asItemId('seen'), weight: 1, purchases: 0, lastTs: null },
    { itemId: asItemId('bought'), weight: 5, purchases: 1, lastTs: null },
  ] };
  it('excludes seen, or only purchased, plus explicit ids', () => {
    expect([...excludedItems(user, { ...NO_FILTER, excludeItemIds: [asItemId('x')] })].sort()).toEqual(['bought', 'seen', 'x']);
    expect([...excludedItems(user, { ...NO_FILTER, excludeSeen: false })]).toEqual(['bought']);
    expect([...excludedItems(user, { ...NO_FILTER, excludeSeen: false, excludePurchased: false })]).toEqual([]);
  });
  it('checks categories and price bounds; no price fails any bound', () => {
    const item = { id: asItemId('i'), price: 10, categoryIds: [], popularity: 0 } as never;
    expect(passesAttributes(item, { ...NO_FILTER, minPrice: 10, maxPrice: 10 })).toBe(true);
    expect(passesAttributes(item, { ...NO_FILTER, minPrice: 11 })).toBe(false);
    expect(passesAttributes({ id: asItemId('n'), popularity: 0 }, { ...NO_FILTER, maxPrice: 100 })).toBe(false);
  });
});
