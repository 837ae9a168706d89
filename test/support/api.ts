import { pino } from 'pino';
import { capabilityResolvers, createServices } from '../../src/app.ts';
import { createApi, type Api } from '../../src/graphql/server.ts';
import type { GraphConnection } from '../../src/storage/connect.ts';
import type { PrivacyConfig } from '../../src/config.ts';

export interface GqlResult {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

/** The real API over the real graph, driven through yoga.fetch (full HTTP semantics, no port). */
export function createTestApi(graph: GraphConnection, privacy?: PrivacyConfig): { api: Api; gql: (query: string, variables?: Record<string, unknown>) => Promise<GqlResult> } {
  const api = createApi({ services: createServices(graph, privacy), resolvers: capabilityResolvers(), logger: pino({ level: process.env['GREC_TEST_LOG'] ?? 'silent' }) });
  return {
    api,
    async gql(query, variables = {}) {
      const res = await api.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, body: (await res.json()) as GqlResult['body'] };
    },
  };
}
