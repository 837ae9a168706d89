import { describe, expect, it } from 'vitest';
import { FriendTies } from '../../src/usecases/analytics/friend-ties.ts';

const of = (t: FriendTies, u: string): string[] => [...(t.friendsOf(u) ?? [])].sort();

describe('FriendTies', () => {
  it('holds each friendship both ways, once per pair whatever the stored direction', () => {
    const t = new FriendTies();
    t.add('a', 'b');
    t.add('b', 'a'); // the same pair stored the other way (or a duplicate edge): one tie
    t.add('a', 'c');
    expect([of(t, 'a'), of(t, 'b'), of(t, 'c'), t.pairs, t.users]).toEqual([['b', 'c'], ['a'], ['a'], 2, 3]);
    expect(t.friendsOf('z')).toBeUndefined();
  });

  it('replacing one user\'s list fixes the other ends: removed ties go, new ones appear at both ends', () => {
    const t = new FriendTies();
    t.add('a', 'b');
    t.add('a', 'c');
    t.add('c', 'd');
    t.replace('a', ['c', 'd']);
    expect([of(t, 'a'), of(t, 'b'), of(t, 'c'), of(t, 'd'), t.pairs]).toEqual([['c', 'd'], [], ['a', 'd'], ['a', 'c'], 3]);
    expect(t.friendsOf('b')).toBeUndefined(); // no empty sets kept
    t.replace('a', []);
    expect([of(t, 'a'), of(t, 'c'), of(t, 'd'), t.pairs, t.users]).toEqual([[], ['d'], ['c'], 1, 2]);
  });

  it('removing a user (erasure) leaves their id in no list; a self-tie counts once', () => {
    const t = new FriendTies();
    t.add('a', 'b');
    t.add('a', 'a');
    t.add('b', 'c');
    expect(t.pairs).toBe(3);
    t.remove('a');
    expect([of(t, 'b'), of(t, 'c'), t.friendsOf('a'), t.pairs]).toEqual([['c'], ['b'], undefined, 1]);
    t.remove('nobody');
    expect(t.pairs).toBe(1);
  });
});
