import type { UserId } from './ids.ts';

// Who is asking. Every request and every CLI command acts as exactly one principal; the use cases decide
// what it may do (src/usecases/access/), so GraphQL, the CLI and any future transport obey the same rules.
export const ROLES = ['shopper', 'service', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export type Principal =
  | { readonly role: 'anonymous' }
  /** A frontend acting for one user: the token's subject. */
  | { readonly role: 'shopper'; readonly userId: UserId }
  /** A shop backend (API key or token), an analyst or an operator; `subject` names it in logs and audits. */
  | { readonly role: 'service' | 'analyst' | 'admin'; readonly subject: string };

export const ANONYMOUS: Principal = { role: 'anonymous' };

/** The CLI and server-internal jobs: someone with the store on their disk is its operator. */
export const SYSTEM: Principal = { role: 'admin', subject: 'system' };

export const isRole = (s: string): s is Role => (ROLES as readonly string[]).includes(s);

/**
 * A name for logs that carries no personal data: the role, plus the key id for an API key (a token's subject
 * may be a user id or a staff email, so it is never logged).
 */
export function principalLabel(p: Principal): string {
  return p.role !== 'anonymous' && p.role !== 'shopper' && p.subject.startsWith('key:') ? `${p.role}:${p.subject}` : p.role;
}
