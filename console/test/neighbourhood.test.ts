import { describe, expect, it } from 'vitest';
import { neighbourhoodElements, userOfNode, type Neighbourhood } from '../src/lib/neighbourhood.ts';

const n = (id: string, friends: string[], following: string[], items: string[]): Neighbourhood => ({
  user: { id, name: id.toUpperCase() },
  friends: friends.map((f) => ({ id: f, name: f.toUpperCase() })),
  following: following.map((f) => ({ id: f, name: f.toUpperCase() })),
  items: items.map((i) => ({ id: i, title: `title ${i}` })),
});

describe('neighbourhoodElements', () => {
  it('draws the centre, its friends and follows; items only when two loaded users share them', () => {
    const loaded = new Map([['a', n('a', ['b'], ['c'], ['i1', 'i2'])]]);
    const ids = neighbourhoodElements('a', loaded).map((e) => `${e.data.id} ${e.classes}`);
    expect(ids).toEqual(['user:a user centre loaded', 'user:b user expandable', 'user:c user expandable', 'follows:a>c follows', 'friend:a|b friend']);
  });

  it('an expansion adds the expanded user\'s ties once and the items shared with the loaded users', () => {
    const loaded = new Map([['a', n('a', ['b'], ['c'], ['i1', 'i2'])], ['b', n('b', ['a', 'd'], [], ['i2', 'i3'])]]);
    const els = neighbourhoodElements('a', loaded);
    expect(els.map((e) => e.data.id)).toEqual([
      'item:i2', 'user:a', 'user:b', 'user:c', 'user:d',
      'follows:a>c', 'friend:a|b', 'friend:b|d', 'shared:a>i2', 'shared:b>i2',
    ]);
    expect(els.find((e) => e.data.id === 'user:b')?.classes).toBe('user loaded');
    expect(els.find((e) => e.data.id === 'item:i2')?.data.label).toBe('title i2');
  });

  it('maps node ids back to users', () => {
    expect(userOfNode('user:u7')).toBe('u7');
    expect(userOfNode('item:i1')).toBeNull();
  });
});
