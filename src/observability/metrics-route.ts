import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Metrics } from './metrics.ts';

export type MetricsRoute = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * GET /metrics for a Prometheus scraper. It is an operator endpoint outside GraphQL (no principal, no rate
 * limit): by default the server listens on loopback only, and with a token configured (GREC_METRICS_TOKEN)
 * the scraper must send `Authorization: Bearer <token>` (Prometheus `authorization: { credentials: ... }`).
 * Tokens are compared as SHA-256 digests with timingSafeEqual, so the comparison time does not depend on
 * how much of the token was right.
 */
export function metricsRoute(metrics: Metrics, token: string | undefined): MetricsRoute {
  const expected = token !== undefined ? digest(token) : undefined;
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (expected !== undefined) {
      const auth = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
      if (auth?.[1] === undefined || !timingSafeEqual(digest(auth[1]), expected)) {
        res.writeHead(401, { 'www-authenticate': 'Bearer realm="metrics"' }).end();
        return;
      }
    }
    metrics.scrape().then(
      ({ body, contentType }) => res.writeHead(200, { 'content-type': contentType }).end(req.method === 'HEAD' ? undefined : body),
      () => res.writeHead(500).end(),
    );
  };
}

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();
