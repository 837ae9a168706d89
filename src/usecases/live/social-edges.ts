import { invalidInput } from '../../domain/errors.ts';
import { asUserId, type UserId } from '../../domain/ids.ts';
import type { GraphWriter } from '../../storage/graph-writer.ts';
import type { SocialStore } from '../../storage/social-store.ts';
import { requireId } from './validate.ts';

function pair(a: string, b: string, fieldB: string): [UserId, UserId] {
  const x = asUserId(requireId('userId', a));
  const y = asUserId(requireId(fieldB, b));
  if (x === y) throw invalidInput(`a user cannot ${fieldB === 'targetId' ? 'follow' : 'befriend'} themselves ('${x}')`, { field: fieldB });
  return [x, y];
}

/** Each returns whether the graph changed (false: it was already so), which makes retries harmless. */
export async function follow(userId: string, targetId: string, writer: GraphWriter): Promise<{ ids: [UserId, UserId]; changed: boolean }> {
  const ids = pair(userId, targetId, 'targetId');
  const changed = (await writer.social([{ kind: 'FOLLOWS', from: ids[0], to: ids[1], since: Date.now() }])) > 0;
  return { ids, changed };
}

export async function unfollow(userId: string, targetId: string, social: SocialStore): Promise<{ ids: [UserId, UserId]; changed: boolean }> {
  const ids = pair(userId, targetId, 'targetId');
  return { ids, changed: await social.unfollow(ids[0], ids[1]) };
}

export async function addFriend(userId: string, friendId: string, writer: GraphWriter): Promise<{ ids: [UserId, UserId]; changed: boolean }> {
  const ids = pair(userId, friendId, 'friendId');
  const changed = (await writer.social([{ kind: 'FRIEND', from: ids[0], to: ids[1], since: Date.now() }])) > 0;
  return { ids, changed };
}

export async function removeFriend(userId: string, friendId: string, social: SocialStore): Promise<{ ids: [UserId, UserId]; changed: boolean }> {
  const ids = pair(userId, friendId, 'friendId');
  return { ids, changed: await social.unfriend(ids[0], ids[1]) };
}
