import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

export interface RateLimits {
  /** Operations per window for one identity; 0: unlimited. */
  readonly points: number;
  readonly windowSeconds: number;
  /** Points per window by role, the part of the key before ':' (`admin:ops` -> admin); 0: unlimited. */
  readonly byRole: Readonly<Record<string, number>>;
}

/** The rate key of a request: an identity (`service:shop-backend`, `shopper:<pseudonym>`) or `anonymous:<ip>`. */
export type RateKeyOf<C> = (context: C) => string;

interface NodeServerContext {
  readonly req?: { readonly socket?: { readonly remoteAddress?: string } };
}

/**
 * The default key: the peer address of the TCP connection (the node adapter puts the IncomingMessage on the
 * context as `req`). X-Forwarded-For is not trusted: any client can write it.
 */
export function clientAddressKey(context: unknown): string {
  const ip = (context as NodeServerContext).req?.socket?.remoteAddress;
  return `anonymous:${ip ?? 'unknown'}`;
}

/**
 * A fixed-window budget of operations per identity, in memory (one process; several instances would need a
 * shared store, which rate-limiter-flexible also offers). Checked once the context is built, so the key can
 * be the authenticated principal; the document has been parsed and validated under the shape limits by
 * then, which is cheap. Over budget: HTTP 429, Retry-After, and a RATE_LIMITED error; nothing runs.
 */
export function useRateLimit<C>(limits: RateLimits, keyOf: RateKeyOf<C>): Plugin {
  const limiters = new Map<number, RateLimiterMemory>();
  const limiterFor = (points: number): RateLimiterMemory => {
    let l = limiters.get(points);
    if (l === undefined) {
      l = new RateLimiterMemory({ points, duration: limits.windowSeconds });
      limiters.set(points, l);
    }
    return l;
  };
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const key = keyOf(args.contextValue as C);
      const role = key.split(':', 1)[0] ?? key;
      const points = limits.byRole[role] ?? limits.points;
      if (points <= 0) return;
      try {
        await limiterFor(points).consume(key);
      } catch (e) {
        if (!(e instanceof RateLimiterRes)) throw e;
        const retryAfterSeconds = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
        setResultAndStopExecution({
          errors: [
            createGraphQLError(`rate limit of ${points} operations per ${limits.windowSeconds} s exceeded; retry after ${retryAfterSeconds} s`, {
              extensions: {
                code: 'RATE_LIMITED',
                retryAfterSeconds,
                http: { status: 429, headers: { 'Retry-After': String(retryAfterSeconds) } },
              },
            }),
          ],
        });
      }
    },
  };
}
