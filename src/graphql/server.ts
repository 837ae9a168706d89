import { createServer, type RequestListener, type Server } from 'node:http';
import { createYoga, type Plugin, type YogaInitialContext } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { Authentication, JwtContext } from './authentication.ts';
import type { Principal } from '../domain/principal.ts';
import { defaultLimits, type LimitsConfig, type Mode } from '../config.ts';
import { createContext, type GraphContext, type Services } from './context.ts';
import { serveConsole } from './console-route.ts';
import { corsPolicy } from './cors-policy.ts';
import { LIST_CAPS_BY_ARGUMENT } from './list-caps.ts';
import type { RequestTracker } from './http-drain.ts';
import { createMaskError } from './mask-error.ts';
import { useArmor } from './use-armor.ts';
import { useBodyLimit } from './use-body-limit.ts';
import { useCsrfHeader } from './use-csrf-header.ts';
import { useIntrospectionGuard } from './use-introspection-guard.ts';
import { useNestingLimit } from './use-nesting-limit.ts';
import { useOperationLimits } from './use-operation-limits.ts';
import { clientAddressKey, useRateLimit, type RateKeyOf } from './use-rate-limit.ts';
import { useRequestErrors } from './use-request-errors.ts';
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
  /** Production blocks field suggestions ("Did you mean ...?"). Default development. */
  readonly mode?: Mode;
  readonly graphiql?: boolean;
  /** Request metrics go here when given (request log lines are written either way). */
  readonly metrics?: Metrics;
  /** `__schema` / `__type` queries; default on. */
  readonly introspection?: boolean;
  /** Origins allowed cross-origin (CORS allowlist); default none. */
  readonly corsOrigins?: readonly string[];
  /** Abuse limits; default: the configuration defaults with the rate limit off (tests, benchmarks). */
  readonly limits?: LimitsConfig;
  /** Rate-limit key of a request; default `anonymous:<peer address>`. */
  readonly rateKeyOf?: RateKeyOf<GraphContext & YogaInitialContext>;
}

/**
 * The GraphQL endpoint (/graphql, GraphiQL on GET from a browser) plus /health (the process is up) and
 * /ready (the graph database answers). Errors are masked except coded ones. Limits, in request order:
 * CSRF header for non-preflighted requests (403), body size (413, yoga's own check, counted while
 * streaming), bracket nesting and tokens at parse, depth / aliases / directives at validation, then, with
 * the variables known, the rate limit (429), list caps and the cost budget; all before any resolver runs.
 */
export function createApi(opts: ApiOptions) {
  const { services, logger } = opts;
  const defaults = defaultLimits();
  const limits = opts.limits ?? { ...defaults, rate: { ...defaults.rate, points: 0, byRole: {} } };
  const plugins: Plugin[] = [
    // Telemetry first: it times and logs every request, including those the plugins after it refuse.
    useTelemetry({ logger, metrics: opts.metrics }),
    opts.auth.plugin,
    useCsrfHeader(),
    useBodyLimit(limits.maxBodyBytes),
    useRequestErrors(),
    useNestingLimit(),
    ...useArmor({
      maxDepth: limits.maxDepth,
      maxAliases: limits.maxAliases,
      maxTokens: limits.maxTokens,
      maxDirectives: limits.maxDirectives,
      blockFieldSuggestions: opts.mode === 'production',
    }),
    ...(opts.introspection === false ? [useIntrospectionGuard()] : []),
    useRateLimit(limits.rate, opts.rateKeyOf ?? clientAddressKey),
    useOperationLimits({ maxCost: limits.maxCost, listCaps: { max: limits.maxListLength, byArgument: LIST_CAPS_BY_ARGUMENT } }),
  ];
  const yoga = createYoga({
    schema: buildSchema(opts.resolvers ?? []),
    context: async (init: { request: Request } & JwtContext) => createContext(services, asStored(await opts.auth.principalOf(init.request, init), services)),
    graphiql: (opts.graphiql ?? true)
      ? { headers: JSON.stringify({ Authorization: 'Bearer <a token printed by npm start>' }, null, 2), ...(opts.graphiqlQuery !== undefined ? { defaultQuery: opts.graphiqlQuery } : {}) }
      : false,
    maskedErrors: { maskError: createMaskError((err) => logger.error({ err }, 'unexpected error in a resolver')) },
    logging: false,
    landingPage: false,
    cors: corsPolicy(opts.corsOrigins ?? []),
    // The body limit is useBodyLimit's (in plugins): yoga's own counts every body through a stream.
    maxRequestBodySize: false,
    plugins,
  });
  return yoga;
}

export type Api = ReturnType<typeof createApi>;

/** A shopper's token names their user as the shop knows it; with pseudonymisation the graph knows its pseudonym. */
function asStored(p: Principal, services: Services): Principal {
  return p.role === 'shopper' && services.userIds.pseudonymous ? { role: 'shopper', userId: services.userIds.map(p.userId) } : p;
}

/**
 * /metrics (when given, outside yoga: no CSRF, auth or rate limit; it has its own token), /health, /ready, the
 * console's static files under /console (console-route.ts; it calls /graphql like any client) and the GraphQL
 * endpoint. `tracker` (optional) sees every request, so shutdown can answer each one (http-drain.ts).
 */
export function createHttpServer(api: Api, services: Services, metrics?: MetricsRoute, tracker?: RequestTracker): Server {
  const handler: RequestListener = (req, res) => {
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
    if (serveConsole(req, res, path ?? '/')) return;
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
