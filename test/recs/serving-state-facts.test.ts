// ServingState.item keeps one facts object per item between changes: the answer must follow every change of
// the item's row and of its popularity (INTERACTED edges into it, from the users' rows).
import { describe, expect, it } from 'vitest';
import { asItemId, asUserId } from '../../src/domain/ids.ts';
import { ServingState, type ServedUser } from '../../src/usecases/recommend/serving-state.ts';

const item = (id: string) => asItemId(id);
const user = (id: string, items: string[]): ServedUser => ({
  user: { id: asUserId(id) },
  items: items.map((i) => ({ itemId: item(i), weight: 1, purchases: 0, lastTs: null })),
  friends: [],
  following: [],
});

describe('ServingState.item', () => {
  it('answers the same object until the item or its popularity changes, then the new facts', () => {
    const s = new ServingState(0);
    s.putItem({ id: item('a'), title: 'A' });
    s.putUser(user('u1', ['a']));
    const first = s.item(item('a'));
    expect(first).toEqual({ id: 'a', title: 'A', popularity: 1 });
    expect(s.item(item('a'))).toBe(first);

    s.putUser(user('u2', ['a']));
    expect(s.item(item('a'))).toEqual({ id: 'a', title: 'A', popularity: 2 });
    s.putUser(user('u2', [])); // re-read without the interaction
    expect(s.item(item('a'))).toEqual({ id: 'a', title: 'A', popularity: 1 });
    s.removeUser(asUserId('u1'));
    expect(s.item(item('a'))).toEqual({ id: 'a', title: 'A', popularity: 0 });

    s.putItem({ id: item('a'), title: 'A2', price: 3 });
    expect(s.item(item('a'))).toEqual({ id: 'a', title: 'A2', price: 3, popularity: 0 });
    s.removeItem(item('a'));
    expect(s.item(item('a'))).toBeUndefined();
    expect(s.entities({ itemIds: [item('a')], categoryIds: [], tagIds: [], userIds: [] }).missing.itemIds).toEqual(['a']);
  });
});
