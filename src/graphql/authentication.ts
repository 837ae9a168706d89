// Request credentials -> Principal. Tokens are verified by @graphql-yoga/plugin-jwt (HS256 secret or a JWKS
// URL); API keys (X-API-Key) by their stored hash. No credentials: the anonymous principal, which the use
// cases allow only health and visitor recommendations. Bad credentials never fall back to anonymous: they
// are UNAUTHENTICATED, so a client with an expired token learns it at once.
import { createSecretKey } from 'node:crypto';
import { createRemoteJwksSigningKeyProvider, useJWT, type GetSigningKeyFunction } from '@graphql-yoga/plugin-jwt';
import type { Plugin } from 'graphql-yoga';
import { AppError } from '../domain/errors.ts';
import { ANONYMOUS, type Principal } from '../domain/principal.ts';
import type { ApiKeyAuthenticator } from '../usecases/access/api-keys.ts';
import { principalFromClaims } from '../usecases/access/token-claims.ts';

export interface AuthenticationOptions {
  /** HS256 shared secret, or */
  readonly jwtSecret?: string | undefined;
  /** the JWKS endpoint of an identity provider (RS256/ES256 keys). */
  readonly jwksUrl?: string | undefined;
  readonly issuer?: string | undefined;
  readonly audience?: string | undefined;
  readonly roleClaim: string;
  readonly apiKeys: ApiKeyAuthenticator;
}

/** What the JWT plugin puts on the context after verifying a token. */
export interface JwtContext {
  readonly jwt?: { readonly payload: Readonly<Record<string, unknown>> };
}

export interface Authentication {
  readonly plugin: Plugin;
  principalOf(request: Request, context: JwtContext): Promise<Principal>;
}

/**
 * Credentials that do not verify refuse the whole request: HTTP 401 with a WWW-Authenticate challenge (yoga
 * takes the status and headers from `extensions.http` and does not show them to the client).
 */
const unauthenticated = (message: string): AppError =>
  new AppError('UNAUTHENTICATED', message, { http: { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } } });

/**
 * The HS256 secret as a ready KeyObject. Given a string, jsonwebtoken first tries to parse it as a PEM public
 * key on every verification and builds the secret key only after that throws: measured at 17 % of the busy
 * CPU time of a `{ health }` benchmark. The plugin's type says string, but jsonwebtoken takes a KeyObject as is.
 */
function secretKeyProvider(secret: string): GetSigningKeyFunction {
  const key = createSecretKey(Buffer.from(secret, 'utf8'));
  return () => key as unknown as string;
}

export function createAuthentication(o: AuthenticationOptions): Authentication {
  const provider = o.jwtSecret !== undefined
    ? secretKeyProvider(o.jwtSecret)
    : o.jwksUrl !== undefined
      ? createRemoteJwksSigningKeyProvider({ jwksUri: o.jwksUrl, cache: true, rateLimit: true })
      : undefined;
  if (provider === undefined) throw new Error('authentication needs a JWT secret or a JWKS URL');
  const plugin = useJWT({
    signingKeyProviders: [provider],
    tokenVerification: {
      // One algorithm family per key source: an HS256 secret must never verify an RS256-labelled token.
      algorithms: o.jwtSecret !== undefined ? ['HS256'] : ['RS256', 'ES256'],
      ...(o.issuer !== undefined ? { issuer: o.issuer } : {}),
      ...(o.audience !== undefined ? { audience: o.audience } : {}),
    },
    // Missing or bad tokens are judged below, so the answer is one coded error rather than the plugin's.
    reject: { missingToken: false, invalidToken: false },
    extendContext: 'jwt',
  }) as Plugin;
  return {
    plugin,
    async principalOf(request, context) {
      const authorization = request.headers.get('authorization');
      const apiKey = request.headers.get('x-api-key');
      if (authorization !== null && apiKey !== null) throw unauthenticated('send either a bearer token or an API key, not both');
      if (apiKey !== null) {
        const p = await o.apiKeys.principalFor(apiKey.trim());
        if (p === null) throw unauthenticated('unknown or revoked API key');
        return p;
      }
      if (authorization === null) return ANONYMOUS;
      const payload = context.jwt?.payload;
      if (payload === undefined) throw unauthenticated('invalid or expired token (expected Authorization: Bearer <JWT>)');
      try {
        return principalFromClaims(payload, o.roleClaim);
      } catch (err) {
        throw unauthenticated(err instanceof Error ? err.message : String(err));
      }
    },
  };
}
