import { invalidInput, notFound } from '../../domain/errors.ts';
import type { SocialKind } from '../../domain/entities.ts';
import type { UserId } from '../../domain/ids.ts';
import type { GraphWriter } from '../../storage/graph-writer.ts';
import type { SocialStore } from '../../storage/social-store.ts';
import { PLAIN_USER_IDS, type UserIdCodec } from '../privacy/user-id-codec.ts';
import type { WriteObserver } from './write-observer.ts';
import type { Principal } from '../../domain/principal.ts';
import { authorize } from '../access/permissions.ts';

export interface SocialChange {
  readonly ids: [UserId, UserId];
  /** Whether the graph changed (false: it was already so), which makes retries harmless. */
  readonly changed: boolean;
}

/** The argument naming the other user, per edge kind (for error messages that name the field). */
const OTHER_FIELD: Readonly<Record<SocialKind, string>> = { FOLLOWS: 'targetId', FRIEND: 'friendId' };

function pair(kind: SocialKind, a: string, b: string, ids: UserIdCodec): [UserId, UserId] {
  const field = OTHER_FIELD[kind];
  const x = ids.encode(a, 'userId');
  const y = ids.encode(b, field);
  if (x === y) throw invalidInput(`a user cannot ${kind === 'FOLLOWS' ? 'follow' : 'befriend'} themselves ('${x}')`, { field });
  return [x, y];
}

/** follow (FOLLOWS, directed) or addFriend (FRIEND, symmetric) through the idempotent writer. */
export async function linkUsers(
  p: Principal, kind: SocialKind, userId: string, otherId: string, writer: GraphWriter, observer: WriteObserver, codec: UserIdCodec = PLAIN_USER_IDS,
): Promise<SocialChange> {
  const ids = pair(kind, userId, otherId, codec);
  authorize(p, 'social:write', ids[0]);
  const changed = (await writer.social([{ kind, from: ids[0], to: ids[1], since: Date.now() }])) > 0;
  if (changed) observer.usersLinked(ids[0], ids[1]);
  return { ids, changed };
}

/** unfollow / removeFriend. */
export async function unlinkUsers(
  p: Principal, kind: SocialKind, userId: string, otherId: string, social: SocialStore, observer: WriteObserver, codec: UserIdCodec = PLAIN_USER_IDS,
): Promise<SocialChange> {
  const ids = pair(kind, userId, otherId, codec);
  authorize(p, 'social:write', ids[0]);
  const result = kind === 'FOLLOWS' ? await social.unfollow(ids[0], ids[1]) : await social.unfriend(ids[0], ids[1]);
  if (result.missing !== null) throw notFound('User', result.missing);
  const changed = result.removed;
  if (changed) observer.usersLinked(ids[0], ids[1]);
  return { ids, changed };
}
