import { describe, expect, it } from 'vitest';
import { ResultCache } from '../../src/usecases/recommend/result-cache.ts';

describe('ResultCache', () => {
  it('serves an entry only while young enough and with the same fingerprint', () => {
    let now = 0;
    const c = new ResultCache<string>(100, 10, () => now);
    c.set('k', 'f1', 'v');
    expect(c.get('k', 'f1')).toBe('v');
    expect(c.get('k', 'f2')).toBeUndefined(); // the user's state changed
    c.set('k', 'f1', 'v');
    now = 100;
    expect(c.get('k', 'f1')).toBeUndefined(); // expired
    expect([c.hits, c.misses]).toEqual([1, 2]);
  });

  it('evicts the oldest entry when full and stores nothing with TTL 0', () => {
    const c = new ResultCache<number>(1000, 2, () => 0);
    c.set('a', '', 1);
    c.set('b', '', 2);
    c.set('c', '', 3);
    expect([c.get('a', ''), c.get('b', ''), c.get('c', '')]).toEqual([undefined, 2, 3]);
    const off = new ResultCache<number>(0, 2, () => 0);
    off.set('a', '', 1);
    expect(off.get('a', '')).toBeUndefined();
  });
});
