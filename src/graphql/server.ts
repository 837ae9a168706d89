import { createServer, type Server } from 'node:http';
import { createYoga } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { Authentication, JwtContext } from './authentication.ts';
import { createContext, type Services } from './context.ts';
import { createMaskError } from './mask-error.ts';
import { useInputErrorCodes } from './use-input-error-codes.ts';
import { useDepthLimit } from './use-depth-limit.ts';
import { buildSchema, type ResolverSet } from './schema.ts';
import { useTelemetry } from './use-telemetry.ts';
import type { Metrics } from '../observability/metrics.ts';
import type { MetricsRoute } from '../observability/metrics-route.ts';

export interface ApiOptions {
  readonly services: Services;
  /** Turns each request's credentials into its principal (src/graphql/authentication.ts). */
  readonly auth: Authentication;
  /** GraphiQL's initial query (development: how to send the printed tokens). */
  readonly graphiqlQuery?: string;
  readonly resolvers?: readonly ResolverSet[];
  readonly logger: Logger;
  readonly graphiql?: boolean;
  /** Maximum field nesting of an operation (GREC_MAX_DEPTH). */
  readonly maxDepth?: number;
  /** Request metrics go here when given (request log lines are written either way). */
  readonly metrics?: Metrics;
}

/**
 * The GraphQL endpoint (/graphql, GraphiQL on GET from a browser) plus /health (the process is up) and
 * /ready (the graph database answers). Errors are masked except coded AppErrors.
 */
export function createApi(opts: ApiOptions) {
  const { services, logger } = opts;
  const yoga = createYoga({
    schema: buildSchema(opts.resolvers ?? []),
    context: async (init: { request: Request } & JwtContext) => createContext(services, await opts.auth.principalOf(init.request, init)),
    graphiql: (opts.graphiql ?? true)
      ? { headers: JSON.stringify({ Authorization: 'Bearer <a token printed by npm start>' }, null, 2), ...(opts.graphiqlQuery !== undefined ? { defaultQuery: opts.graphiqlQuery } : {}) }
      : false,
    maskedErrors: { maskError: createMaskError((err) => logger.error({ err }, 'unexpected error in a resolver')) },
    logging: false,
    landingPage: false,
    plugins: [useTelemetry({ logger, metrics: opts.metrics }), opts.auth.plugin, useInputErrorCodes(), useDepthLimit(opts.maxDepth ?? 8)],
  });
  return yoga;
}

export type Api = ReturnType<typeof createApi>;

export function createHttpServer(api: Api, services: Services, metrics?: MetricsRoute): Server {
  return createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/metrics' && metrics !== undefined) {
      metrics(req, res);
      return;
    }
    if (path === '/health') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'ok' }));
      return;
    }
    if (path === '/ready') {
      void services.ping().then((ok) => {
        res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' })
          .end(JSON.stringify({ status: ok ? 'ready' : 'database unavailable', neo4jMode: services.neo4jMode }));
      });
      return;
    }
    if (path === '/') {
      res.writeHead(302, { location: '/graphql' }).end();
      return;
    }
    void api(req, res);
  });
}

/** Stops accepting connections, lets in-flight requests finish (bounded), then resolves. */
export function closeHttpServer(server: Server, graceMs = 10_000): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      server.closeAllConnections();
      resolve();
    }, graceMs);
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}
