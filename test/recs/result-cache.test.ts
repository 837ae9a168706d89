import { describe, expect, it } from 'vitest';
import { ResultCache } from '../../src/usecases/recommend/result-cache.ts';

describe('ResultCache', () => {
  it('serves an entry only while young enough', () => {
    let now = 0;
    const c = new ResultCache<string>(100, 10, () => now);
    c.set('k', ['owner:a'], 'v', c.begin());
    expect(c.get('k')).toBe('v');
    now = 99;
    expect(c.get('k')).toBe('v');
    now = 100;
    expect(c.get('k')).toBeUndefined(); // expired
    expect([c.hits, c.misses]).toEqual([2, 1]);
  });

  it('evicts the oldest entry when full and stores nothing with TTL 0', () => {
    const c = new ResultCache<number>(1000, 2, () => 0);
    c.set('a', [], 1, c.begin());
    c.set('b', [], 2, c.begin());
    c.set('c', [], 3, c.begin());
    expect([c.get('a'), c.get('b'), c.get('c')]).toEqual([undefined, 2, 3]);
    const off = new ResultCache<number>(0, 2, () => 0);
    off.set('a', [], 1, off.begin());
    expect(off.get('a')).toBeUndefined();
  });

  it('invalidate drops exactly the entries carrying one of the tags', () => {
    const c = new ResultCache<string>(1000, 10, () => 0);
    c.set('alice/1', ['owner:alice', 'user:bob', 'item:i1'], 'a1', c.begin());
    c.set('alice/2', ['owner:alice', 'item:i2'], 'a2', c.begin());
    c.set('bob/1', ['owner:bob', 'item:i2'], 'b1', c.begin());
    c.set('carol/1', ['owner:carol'], 'c1', c.begin());
    expect(c.invalidate(['owner:alice'])).toBe(2);
    expect([c.get('alice/1'), c.get('alice/2'), c.get('bob/1'), c.get('carol/1')]).toEqual([undefined, undefined, 'b1', 'c1']);
    expect(c.invalidate(['item:i2', 'user:nobody'])).toBe(1);
    expect([c.get('bob/1'), c.get('carol/1')]).toEqual([undefined, 'c1']);
    expect(c.size).toBe(1);
  });

  it('does not store a page computed across an invalidation of one of its tags', () => {
    let now = 0;
    const c = new ResultCache<string>(100, 10, () => now);
    const before = c.begin();
    c.invalidate(['owner:alice']); // a write lands while alice's page is being computed
    c.set('alice', ['owner:alice'], 'stale', before);
    expect(c.get('alice')).toBeUndefined();
    c.set('bob', ['owner:bob'], 'fine', before); // other users' pages are unaffected
    expect(c.get('bob')).toBe('fine');
    c.set('alice', ['owner:alice'], 'fresh', c.begin()); // computed after the write
    expect(c.get('alice')).toBe('fresh');
    const slow = c.begin();
    now = 100; // a computation as old as the TTL is not stored: its invalidations may be forgotten
    c.set('carol', ['owner:carol'], 'old', slow);
    expect(c.get('carol')).toBeUndefined();
  });

  it('clear drops everything and anything computed before it', () => {
    const c = new ResultCache<string>(100, 10, () => 0);
    c.set('a', ['owner:a'], 'v', c.begin());
    const before = c.begin();
    c.clear();
    expect(c.get('a')).toBeUndefined();
    c.set('b', ['owner:b'], 'stale', before);
    expect(c.get('b')).toBeUndefined();
    c.set('b', ['owner:b'], 'new', c.begin());
    expect(c.get('b')).toBe('new');
  });
});
