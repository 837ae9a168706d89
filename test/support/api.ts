import { pino } from 'pino';
import { capabilityResolvers, createAuth, createServices } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { Role } from '../../src/domain/principal.ts';
import type { Authentication } from '../../src/graphql/authentication.ts';
import { createApi, type Api } from '../../src/graphql/server.ts';
import type { GraphConnection } from '../../src/storage/connect.ts';
import { signToken } from '../../src/usecases/access/sign-token.ts';
import type { PrivacyConfig } from '../../src/config.ts';
import type { Services } from '../../src/graphql/context.ts';

export interface GqlResult {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

/** The HS256 secret of the test APIs (a real secret for real verification, not a bypass). */
export const TEST_JWT_SECRET = 'grec-test-secret-0123456789-abcdefghijklmnop';

/** Headers carrying a signed token for `role` (a shopper's subject is their user id). */
export function bearer(role: Role, subject = `test-${role}`): Record<string, string> {
  const token = signToken({ role, subject, ttlSeconds: 3600 }, { secret: TEST_JWT_SECRET, roleClaim: loadConfig({}).auth.roleClaim });
  return { authorization: `Bearer ${token}` };
}

export const AS_ADMIN = bearer('admin');
export const ANONYMOUSLY: Record<string, string> = {};

export type Gql = (query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) => Promise<GqlResult>;

/** The authentication of the test APIs: the test secret, API keys looked up on every request. */
export function testAuth(graph: GraphConnection): Authentication {
  return createAuth(graph, { ...loadConfig({}).auth, apiKeyCacheMs: 0 }, TEST_JWT_SECRET);
}

/**
 * The real API over the real graph, driven through yoga.fetch (full HTTP semantics, no port). Requests carry
 * an admin token unless other headers are given (`bearer('shopper', 'u1')`, `ANONYMOUSLY`, an X-API-Key).
 */
export function createTestApi(graph: GraphConnection, privacy?: PrivacyConfig): { api: Api; gql: Gql; services: Services } {
  const services = createServices(graph, undefined, privacy);
  const api = createApi({ services, auth: testAuth(graph), resolvers: capabilityResolvers(), logger: pino({ level: process.env['GREC_TEST_LOG'] ?? 'silent' }) });
  return {
    api,
    services,
    async gql(query, variables = {}, headers = AS_ADMIN) {
      const res = await api.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, body: (await res.json()) as GqlResult['body'] };
    },
  };
}
