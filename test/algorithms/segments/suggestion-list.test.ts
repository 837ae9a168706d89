import { describe, expect, it } from 'vitest';
import { lexicalDistance, suggestionList } from '../../../src/algorithms/segments/suggestion-list.ts';

describe('lexicalDistance (optimal string alignment)', () => {
  it('is 0 for equal strings and 1 for a case-only difference', () => {
    expect(lexicalDistance('views', 'views', 3)).toBe(0);
    expect(lexicalDistance('Views', 'views', 3)).toBe(1);
  });
  it('counts insertions, substitutions and an adjacent transposition as one edit each', () => {
    expect(lexicalDistance('recencyDay', 'recencyDays', 5)).toBe(1);
    expect(lexicalDistance('frequancy', 'frequency', 5)).toBe(1);
    expect(lexicalDistance('agse', 'ages', 5)).toBe(1);
    expect(lexicalDistance('kitten', 'sitting', 5)).toBe(3);
  });
  it('is undefined above the threshold', () => {
    expect(lexicalDistance('kitten', 'sitting', 2)).toBeUndefined();
  });
});

describe('suggestionList', () => {
  it('keeps options within floor(0.4 * length) + 1 edits, closest first, ties by name', () => {
    // 'age' (3 letters): threshold floor(1.2) + 1 = 2. 'ages' and 'page' are 1 insertion away; 'gender' and
    // 'monetary' differ in length by more than 2.
    expect(suggestionList('age', ['monetary', 'page', 'ages', 'gender'])).toEqual(['ages', 'page']);
    expect(suggestionList('recencyDay', ['frequency', 'recencyDays', 'recency'])).toEqual(['recencyDays', 'recency']);
  });
  it('returns nothing when no option is close, and at most `limit`', () => {
    expect(suggestionList('zzz', ['age', 'views'])).toEqual([]);
    expect(suggestionList('a', ['b', 'c', 'd'], 2)).toEqual(['b', 'c']);
  });
});
