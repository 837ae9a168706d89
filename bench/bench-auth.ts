// Benchmarks drive the API as a client does: with a verified token on every request, so the figures include
// the authentication the product performs (a random HS256 secret per run).
import { randomBytes } from 'node:crypto';
import type { AuthConfig } from '../src/config.ts';
import { createAuth } from '../src/app.ts';
import type { Authentication } from '../src/graphql/authentication.ts';
import type { GraphConnection } from '../src/storage/connect.ts';
import type { Role } from '../src/domain/principal.ts';
import { signToken } from '../src/usecases/access/sign-token.ts';

export function benchAuth(graph: GraphConnection, auth: AuthConfig): { auth: Authentication; bearer: (role: Role, subject?: string) => string } {
  const secret = randomBytes(32).toString('base64url');
  return {
    auth: createAuth(graph, auth, secret),
    bearer: (role, subject = `bench-${role}`) =>
      `Bearer ${signToken({ role, subject, ttlSeconds: 3600 }, { secret, roleClaim: auth.roleClaim, issuer: auth.issuer, audience: auth.audience })}`,
  };
}
