import { createServer, type RequestListener, type Server } from 'node:http';
import { createYoga } from 'graphql-yoga';
import type { Logger } from 'pino';
import { createContext, type Services } from './context.ts';
import type { RequestTracker } from './http-drain.ts';
import { createMaskError } from './mask-error.ts';
import { useInputErrorCodes } from './use-input-error-codes.ts';
import { useDepthLimit } from './use-depth-limit.ts';
import { buildSchema, type ResolverSet } from './schema.ts';

export interface ApiOptions {
  readonly services: Services;
  readonly resolvers?: readonly ResolverSet[];
  readonly logger: Logger;
  readonly graphiql?: boolean;
  /** Maximum field nesting of an operation (GREC_MAX_DEPTH). */
  readonly maxDepth?: number;
}

/**
 * The GraphQL endpoint (/graphql, GraphiQL on GET from a browser) plus /health (the process is up) and
 * /ready (the graph database answers). Errors are masked except coded AppErrors.
 */
export function createApi(opts: ApiOptions) {
  const { services, logger } = opts;
  const yoga = createYoga({
    schema: buildSchema(opts.resolvers ?? []),
    context: () => createContext(services),
    graphiql: opts.graphiql ?? true,
    maskedErrors: { maskError: createMaskError((err) => logger.error({ err }, 'unexpected error in a resolver')) },
    logging: false,
    landingPage: false,
    plugins: [useInputErrorCodes(), useDepthLimit(opts.maxDepth ?? 8)],
  });
  return yoga;
}

export type Api = ReturnType<typeof createApi>;

/** `tracker` (optional) sees every request, so shutdown can answer each one (see http-drain.ts). */
export function createHttpServer(api: Api, services: Services, tracker?: RequestTracker): Server {
  const handler: RequestListener = (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
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
  };
  return createServer(tracker !== undefined ? tracker.wrap(handler) : handler);
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
