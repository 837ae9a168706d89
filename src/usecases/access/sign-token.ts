// Issues HS256 tokens with the shared secret: the development tokens printed by `npm start`, `grec token`
// for operators, and tests. With a JWKS identity provider, tokens come from that provider instead.
import jwt from 'jsonwebtoken';
import { invalidInput } from '../../domain/errors.ts';
import { isRole, type Role } from '../../domain/principal.ts';
import { idTextProblem } from '../../domain/id-text.ts';

export interface TokenRequest {
  readonly role: Role;
  /** The user id for a shopper; a name for other roles. */
  readonly subject: string;
  readonly ttlSeconds: number;
}

export interface TokenSettings {
  readonly secret: string;
  readonly roleClaim: string;
  readonly issuer?: string | undefined;
  readonly audience?: string | undefined;
}

export function signToken(req: TokenRequest, s: TokenSettings): string {
  if (!isRole(req.role)) throw invalidInput(`unknown role '${String(req.role)}'`, { field: 'role' });
  if (req.subject.trim() === '' || idTextProblem(req.subject) !== undefined) throw invalidInput('the subject must be 1..200 visible characters', { field: 'subject' });
  if (!(Number.isInteger(req.ttlSeconds) && req.ttlSeconds > 0)) throw invalidInput('ttl must be a positive number of seconds', { field: 'ttl' });
  return jwt.sign({ [s.roleClaim]: req.role }, s.secret, {
    algorithm: 'HS256',
    subject: req.subject,
    expiresIn: req.ttlSeconds,
    ...(s.issuer !== undefined ? { issuer: s.issuer } : {}),
    ...(s.audience !== undefined ? { audience: s.audience } : {}),
  });
}
