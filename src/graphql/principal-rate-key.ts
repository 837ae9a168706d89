import { createHash } from 'node:crypto';
import type { Principal } from '../domain/principal.ts';
import { clientAddressKey } from './use-rate-limit.ts';

/**
 * The rate-limit bucket of a request: one per authenticated identity (a shopper by a hash of their user id,
 * so no id sits in the limiter's memory; a key or token subject as is), and per client address for anonymous
 * callers. The part before ':' is the role, which GREC_RATE_LIMIT_BY_ROLE prices.
 */
export function principalRateKey(context: { readonly principal?: Principal }): string {
  const p = context.principal;
  if (p === undefined || p.role === 'anonymous') return clientAddressKey(context);
  if (p.role === 'shopper') return `shopper:${createHash('sha256').update(p.userId).digest('base64url').slice(0, 22)}`;
  return `${p.role}:${p.subject}`;
}
