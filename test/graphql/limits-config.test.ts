import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';

describe('mode, web and limits configuration', () => {
  it('defaults to development with GraphiQL, introspection, no cross-origin callers and documented limits', () => {
    const c = loadConfig({});
    expect(c.mode).toBe('development');
    expect(c.web).toEqual({ corsOrigins: [], graphiql: true, introspection: true });
    expect(c.limits).toEqual({
      maxDepth: 8, maxAliases: 15, maxTokens: 2000, maxDirectives: 50, maxCost: 2000, maxListLength: 1000,
      maxBodyBytes: 1_000_000, rate: { points: 300, windowSeconds: 60, byRole: {} },
    });
  });

  it('production (NODE_ENV or GREC_MODE) turns GraphiQL and introspection off unless enabled', () => {
    const secret = { GREC_JWT_SECRET: 's'.repeat(32), GREC_ERASURE_SALT: 'salt-of-sixteen-chars' }; // production refuses to start without them
    expect(loadConfig({ NODE_ENV: 'production', ...secret })).toMatchObject({ mode: 'production', web: { graphiql: false, introspection: false } });
    expect(loadConfig({ GREC_MODE: 'production', GREC_GRAPHIQL: 'true', ...secret })).toMatchObject({ mode: 'production', web: { graphiql: true, introspection: false } });
    expect(loadConfig({ NODE_ENV: 'production', GREC_INTROSPECTION: '1', ...secret }).web.introspection).toBe(true);
    expect(loadConfig({ GREC_GRAPHIQL: 'false' }).web.graphiql).toBe(false);
  });

  it('parses the CORS allowlist and per-role rate limits, refusing malformed values with the variable named', () => {
    expect(loadConfig({ GREC_CORS_ORIGINS: 'https://shop.example, http://localhost:5173' }).web.corsOrigins)
      .toEqual(['https://shop.example', 'http://localhost:5173']);
    expect(() => loadConfig({ GREC_CORS_ORIGINS: 'https://shop.example/' })).toThrow(/GREC_CORS_ORIGINS/);
    expect(() => loadConfig({ GREC_CORS_ORIGINS: '*' })).toThrow(/GREC_CORS_ORIGINS/);
    expect(loadConfig({ GREC_RATE_LIMIT_BY_ROLE: 'anonymous=60, service=3000' }).limits.rate.byRole).toEqual({ anonymous: 60, service: 3000 });
    expect(() => loadConfig({ GREC_RATE_LIMIT_BY_ROLE: 'anonymous' })).toThrow(/GREC_RATE_LIMIT_BY_ROLE/);
    expect(() => loadConfig({ GREC_MAX_BODY_BYTES: '10' })).toThrow(/GREC_MAX_BODY_BYTES/);
  });
});
