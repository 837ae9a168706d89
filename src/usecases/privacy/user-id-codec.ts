// Pseudonymisation (GDPR art. 4(5)): with a key configured (GREC_PSEUDONYM_KEY), every external user id is
// replaced by a keyed hash before it reaches the graph, on both ways in: batch loads (ingestSource) and the
// live API (the use cases parse user ids through `encode`). Clients keep sending their own ids; the graph,
// the caches and every id the API returns are pseudonyms. Without the key nobody (an analyst with the
// store, a leaked backup) can go back from a pseudonym to the shop's customer id, nor test a guessed id.
//   pseudonym(id) = base64url(HMAC-SHA256(key, utf8(id)))[0 .. length)     length 22 chars = 132 bits
// HMAC rather than a plain hash: without the key a guessable id (u1, u2, an e-mail) cannot be confirmed.
// PII columns (name, age, gender, location) are dropped on the way in unless listed in GREC_KEEP_PII.
import { createHmac } from 'node:crypto';
import type { PiiColumn, PrivacyConfig } from '../../config.ts';
import type { User } from '../../domain/entities.ts';
import { asUserId, type UserId } from '../../domain/ids.ts';
import { requireId } from '../live/validate.ts';

export interface UserIdCodec {
  /** Whether ids are pseudonymised (false: the identity mapping). */
  readonly pseudonymous: boolean;
  /** An id from a client, validated (trimmed, 1..200 characters; INVALID_INPUT naming `field`), as stored. */
  encode(external: string, field?: string): UserId;
  /** An id already validated (a source row, a lookup that answers null for nonsense), as stored. */
  map(external: string): UserId;
  /** A user record as stored: id mapped, PII dropped unless kept (only when pseudonymous). */
  user(u: User): User;
}

export function pseudonym(id: string, key: string, length: number): string {
  return createHmac('sha256', key).update(id, 'utf8').digest('base64url').slice(0, length);
}

/** Ids as the clients send them (no pseudonymisation configured). */
export const PLAIN_USER_IDS: UserIdCodec = {
  pseudonymous: false,
  encode: (external, field = 'userId') => asUserId(requireId(field, external)),
  map: (external) => asUserId(external),
  user: (u) => u,
};

export function userIdCodec(cfg: Pick<PrivacyConfig, 'pseudonym' | 'keepPii'>): UserIdCodec {
  const p = cfg.pseudonym;
  if (p === null) return PLAIN_USER_IDS;
  const map = (external: string): UserId => asUserId(pseudonym(external, p.key, p.length));
  const keep = new Set<PiiColumn>(cfg.keepPii);
  return {
    pseudonymous: true,
    encode: (external, field = 'userId') => map(requireId(field, external)),
    map,
    user: (u) => {
      const { id, name, age, gender, location, ...rest } = u;
      return {
        ...rest,
        id: map(id),
        ...(name !== undefined && keep.has('name') ? { name } : {}),
        ...(age !== undefined && keep.has('age') ? { age } : {}),
        ...(gender !== undefined && keep.has('gender') ? { gender } : {}),
        ...(location !== undefined && keep.has('location') ? { location } : {}),
      };
    },
  };
}
