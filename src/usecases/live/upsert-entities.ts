import { PURPOSES } from '../../domain/consent.ts';
import type { Item, User } from '../../domain/entities.ts';
import { invalidInput } from '../../domain/errors.ts';
import { asCategoryId, asItemId, asTagId, asUserId, type ItemId, type UserId } from '../../domain/ids.ts';
import type { GraphWriter } from '../../storage/graph-writer.ts';
import { parseConsentInput, type ConsentInput } from '../privacy/consent-input.ts';
import { PLAIN_USER_IDS, type UserIdCodec } from '../privacy/user-id-codec.ts';
import { optionalNonNegative, requireId } from './validate.ts';
import type { WriteObserver } from './write-observer.ts';
import type { Principal } from '../../domain/principal.ts';
import { authorize } from '../access/permissions.ts';

export interface UpsertUserInput {
  readonly id: string;
  readonly name?: string | null;
  readonly age?: number | null;
  readonly gender?: string | null;
  readonly location?: string | null;
  readonly consent?: ConsentInput | null;
}

/**
 * Upserts a user's attributes; consent flags given overwrite, absent ones are kept. With pseudonymisation
 * (`ids`), the id is stored as its pseudonym and PII attributes are dropped unless configured to be kept.
 */
export async function upsertUser(p: Principal, input: UpsertUserInput, writer: GraphWriter, observer: WriteObserver, ids: UserIdCodec = PLAIN_USER_IDS): Promise<UserId> {
  authorize(p, 'user:write');
  const age = optionalNonNegative('age', input.age);
  if (age !== undefined && (!Number.isInteger(age) || age > 150)) throw invalidInput(`age must be an integer 0..150, got ${age}`, { field: 'age' });
  const consent = input.consent != null ? parseConsentInput(input.consent) : undefined;
  const user: User = ids.user({
    id: asUserId(requireId('id', input.id)),
    ...(input.name != null ? { name: input.name } : {}),
    ...(age !== undefined ? { age } : {}),
    ...(input.gender != null ? { gender: input.gender } : {}),
    ...(input.location != null ? { location: input.location } : {}),
    ...(consent !== undefined ? { consent } : {}),
  });
  await writer.users([user]);
  observer.userUpserted(user.id, PURPOSES.filter((p) => consent?.[p] !== undefined));
  return user.id;
}

export interface UpsertItemInput {
  readonly id: string;
  readonly title?: string | null;
  readonly price?: number | null;
  readonly categoryIds?: readonly string[] | null;
  readonly tagIds?: readonly string[] | null;
}

export async function upsertItem(p: Principal, input: UpsertItemInput, writer: GraphWriter, observer: WriteObserver): Promise<ItemId> {
  authorize(p, 'item:write');
  const price = optionalNonNegative('price', input.price);
  const item: Item = {
    id: asItemId(requireId('id', input.id)),
    ...(input.title != null ? { title: input.title } : {}),
    ...(price !== undefined ? { price } : {}),
    categoryIds: (input.categoryIds ?? []).map((c) => asCategoryId(requireId('categoryIds', c))),
    tagIds: (input.tagIds ?? []).map((t) => asTagId(requireId('tagIds', t))),
  };
  await writer.items([item]);
  observer.itemUpserted(item.id);
  return item.id;
}
