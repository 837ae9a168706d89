// What development mode adds (and only adds): tokens to try the roles with, printed at start, and a GraphiQL
// starting page explaining how to send them. The checks themselves are the production ones.
import type { Role } from '../domain/principal.ts';

export interface DevToken {
  readonly role: Role;
  readonly subject: string;
  readonly token: string;
}

export function devTokensText(tokens: readonly DevToken[], ttlHours: number): string {
  const lines = tokens.map((t) => `  ${t.role.padEnd(8)} (sub ${t.subject}): ${t.token}`);
  return [
    `Development tokens (valid ${ttlHours} h; send as the header  Authorization: Bearer <token>):`,
    ...lines,
    'Without a token you are anonymous: health and visitorRecommendations only.',
  ].join('\n');
}

export function devGraphiqlQuery(tokens: readonly DevToken[]): string {
  const shopper = tokens.find((t) => t.role === 'shopper');
  return [
    '# Every request acts as a role. Open the Headers tab below and paste a token printed by `npm start`:',
    '#   { "Authorization": "Bearer <token>" }',
    '# shopper: one user (the token subject) | service: shop backend | analyst: read-only analytics | admin: all.',
    '# Without a token you are anonymous: only `health` and `visitorRecommendations` answer.',
    '',
    `query {`,
    `  visitorRecommendations(first: 5) { edges { node { item { id title } reasons { text } } } }`,
    `  recommendations(userId: "${shopper?.subject ?? 'u1'}", first: 5) { edges { node { score item { title } reasons { text } } } }`,
    `}`,
    '',
  ].join('\n');
}
