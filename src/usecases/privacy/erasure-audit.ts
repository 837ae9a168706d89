import { createHmac } from 'node:crypto';

/**
 * The erasure audit's id hash: HMAC-SHA256(salt, id), base64url. Salted (keyed) so a store copy cannot be
 * searched for a guessed id without the salt; the same salt gives the same hash, so an operator holding
 * the salt can still answer "was user X erased, and when".
 */
export function erasureIdHash(id: string, salt: string): string {
  return createHmac('sha256', salt).update(id, 'utf8').digest('base64url');
}
