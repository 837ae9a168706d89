// Signed recommendation ids: what goes in comes out, positions follow the page, and any edit of the id (its
// body or its MAC, by one character), an id signed with another key, or a malformed one is INVALID_INPUT.
import { describe, expect, it } from 'vitest';
import { asItemId, asUserId } from '../../src/domain/ids.ts';
import type { ServedPage } from '../../src/domain/loop.ts';
import { itemHash, positionOnPage, RecommendationIds } from '../../src/usecases/loop/recommendation-id.ts';

const KEY = 'test-recommendation-id-key-0123';
const PAGE: ServedPage = {
  surface: 'recommendations', userId: asUserId('u1'), servedAt: Date.UTC(2026, 0, 5, 10), strategy: 'HYBRID',
  experimentKey: 'exp-1', variant: 'b', campaignId: null, offset: 20, itemIds: ['i7', 'i3', 'i9'].map(asItemId),
};
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** `id` with the character at `k` replaced by another base64url character. */
function flip(id: string, k: number, by = 1): string {
  const c = id[k]!;
  const other = ALPHABET[(ALPHABET.indexOf(c) + by) % ALPHABET.length]!;
  return id.slice(0, k) + other + id.slice(k + 1);
}

const invalid = { code: 'INVALID_INPUT', details: { field: 'recommendationId' } };

describe('RecommendationIds', () => {
  const ids = new RecommendationIds(KEY);
  const id = ids.encode(PAGE);

  it('round trip: the decoded page is the served one, items as their hashes', () => {
    const { itemIds, ...rest } = PAGE;
    expect(ids.decode(id)).toEqual({ ...rest, recommendationId: id, itemHashes: itemIds.map(itemHash) });
    expect(id.startsWith('r1.')).toBe(true);
  });

  it('positions are the offset plus the place on the page plus 1; items not on it have none', () => {
    const page = ids.decode(id);
    expect(PAGE.itemIds.map((i) => positionOnPage(page, i))).toEqual([21, 22, 23]);
    expect(positionOnPage(page, asItemId('i1'))).toBeNull();
    const empty = ids.decode(ids.encode({ ...PAGE, offset: 0, itemIds: [] }));
    expect(positionOnPage(empty, asItemId('i7'))).toBeNull();
  });

  it('one character changed anywhere in the body is refused', () => {
    const [, body] = id.split('.') as [string, string, string];
    for (let k = 3; k < 3 + body.length; k++) {
      expect(() => ids.decode(flip(id, k)), `position ${k}`).toThrow(expect.objectContaining(invalid));
    }
  });

  it('one character changed anywhere in the MAC is refused, the last one included (no lenient base64)', () => {
    const start = id.lastIndexOf('.') + 1;
    for (let k = start; k < id.length; k++) {
      for (const by of [1, 2, 3, 7, 16]) expect(() => ids.decode(flip(id, k, by)), `position ${k} +${by}`).toThrow(expect.objectContaining(invalid));
    }
    for (const suffix of ['=', '==', '!', ' ', 'A']) expect(() => ids.decode(id + suffix), JSON.stringify(suffix)).toThrow(expect.objectContaining(invalid));
  });

  it('an id signed with another key is refused, and so are malformed ones; the field is named', () => {
    const other = new RecommendationIds('another-key-of-this-service-999');
    expect(() => other.decode(id)).toThrow(expect.objectContaining(invalid));
    for (const bad of ['', 'r1', 'r1..', 'r2' + id.slice(2), id.split('.').slice(0, 2).join('.'), `${id}.x`, 'r1.' + 'A'.repeat(5000) + '.x']) {
      expect(() => ids.decode(bad), JSON.stringify(bad.slice(0, 20))).toThrow(expect.objectContaining(invalid));
    }
    expect(() => ids.decode('nope', 'input.recommendationId')).toThrow(expect.objectContaining({ details: { field: 'input.recommendationId' } }));
  });

  it('keys shorter than 16 characters are refused', () => {
    expect(() => new RecommendationIds('short')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});
