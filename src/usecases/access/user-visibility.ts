// What of a user a principal may see. Users reach a response by many paths (a friends list, a reason naming
// friends, people-you-may-know, the other side of a social edge); whoever may read the user's record
// (themself, or a role with user:read for everyone) sees it all, anyone else only the public part: id, name
// and friend count. History and social lists of another user are refused outright (FORBIDDEN).
import type { User } from '../../domain/entities.ts';
import type { Principal } from '../../domain/principal.ts';
import { authorize, can } from './permissions.ts';

/** Consent is private too; its resolver (graphql/resolvers/privacy.ts) applies the same rule with `can`. */
export type PrivateUserField = 'age' | 'gender' | 'location';

/** The field's value, or null when `p` may not see the user's private attributes. */
export function privateUserField<F extends PrivateUserField>(p: Principal, user: User, field: F): User[F] | null {
  return can(p, 'user:read', user.id) ? (user[field] ?? null) : null;
}

/** A user's interactions, friends and follows: only for whoever may read the user's record. */
export function authorizeUserLists(p: Principal, user: User): void {
  authorize(p, 'user:read', user.id);
}
