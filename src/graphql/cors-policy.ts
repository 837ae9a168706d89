import { CSRF_HEADERS } from './use-csrf-header.ts';

/** Headers a cross-origin client may send: the body type, credentials (JWT, API key) and the CSRF header. */
export const CORS_ALLOWED_HEADERS = ['content-type', ...CSRF_HEADERS] as const;

type CorsAnswer = { origin: string[]; methods: string[]; allowedHeaders: string[]; exposedHeaders: string[]; credentials: boolean; maxAge: number } | false;

/**
 * CORS for an allowlist of origins (GREC_CORS_ORIGINS). yoga's default reflected any Origin with
 * `access-control-allow-credentials: true`, so any web page could read answers with a visitor's
 * credentials. Here an unlisted Origin gets no CORS header at all (the browser keeps the answer from the
 * page), and a listed one gets exactly its own origin back. Credentials (cookies) are never allowed: the
 * API authenticates with an Authorization header, which a cross-origin page must send explicitly.
 */
export function corsPolicy(allowedOrigins: readonly string[]): (request: Request) => CorsAnswer {
  const allowed = new Set(allowedOrigins);
  return (request) => {
    const origin = request.headers.get('origin');
    if (origin === null || !allowed.has(origin)) return false;
    return {
      origin: [origin],
      methods: ['GET', 'POST'],
      allowedHeaders: [...CORS_ALLOWED_HEADERS],
      exposedHeaders: ['retry-after'],
      credentials: false,
      maxAge: 600,
    };
  };
}
