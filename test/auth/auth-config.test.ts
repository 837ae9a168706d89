import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { can } from '../../src/usecases/access/permissions.ts';
import { asUserId } from '../../src/domain/ids.ts';
import { principalFromClaims } from '../../src/usecases/access/token-claims.ts';
import { signToken } from '../../src/usecases/access/sign-token.ts';

const SECRET = 'x'.repeat(32);

describe('auth configuration', () => {
  it('development is the default mode; production comes from NODE_ENV or GREC_MODE', () => {
    expect(loadConfig({}).auth.mode).toBe('development');
    expect(loadConfig({ NODE_ENV: 'production', GREC_JWT_SECRET: SECRET, GREC_ERASURE_SALT: 'salt-of-sixteen-chars' }).auth.mode).toBe('production');
    expect(loadConfig({ GREC_MODE: 'production', GREC_JWKS_URL: 'https://idp.example/.well-known/jwks.json', GREC_ERASURE_SALT: 'salt-of-sixteen-chars' }).auth.mode).toBe('production');
    expect(loadConfig({ NODE_ENV: 'production', GREC_MODE: 'development' }).auth.mode).toBe('development');
  });

  it('production refuses to start without a secret or JWKS; a short secret and both at once are refused too', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/GREC_JWT_SECRET.*GREC_JWKS_URL/);
    expect(() => loadConfig({ GREC_MODE: 'production' })).toThrow(/production mode needs/);
    expect(() => loadConfig({ NODE_ENV: 'production', GREC_JWT_SECRET: SECRET })).toThrow(/GREC_ERASURE_SALT/);
    expect(() => loadConfig({ GREC_JWT_SECRET: 'short' })).toThrow(/GREC_JWT_SECRET: must be at least 32 characters/);
    expect(() => loadConfig({ GREC_JWT_SECRET: SECRET, GREC_JWKS_URL: 'https://idp.example/jwks' })).toThrow(/not both/);
  });
});

describe('permissions and claims', () => {
  it('a shopper acts only for their own user where the grant is "self"', () => {
    const p = { role: 'shopper', userId: asUserId('u1') } as const;
    expect(can(p, 'recs:read', asUserId('u1'))).toBe(true);
    expect(can(p, 'recs:read', asUserId('u2'))).toBe(false);
    expect(can(p, 'recs:read')).toBe(false);
    expect(can(p, 'catalog:read')).toBe(true);
    expect(can(p, 'analytics:read')).toBe(false);
    expect(can({ role: 'analyst', subject: 'a' }, 'event:write', asUserId('u1'))).toBe(false);
    expect(can({ role: 'anonymous' }, 'recs:visitor')).toBe(true);
    expect(can({ role: 'anonymous' }, 'catalog:read')).toBe(false);
  });

  it('claims map to principals with the configured role claim; signed tokens carry them', () => {
    expect(principalFromClaims({ role: 'shopper', sub: 'u7' }, 'role')).toEqual({ role: 'shopper', userId: 'u7' });
    expect(principalFromClaims({ 'https://shop/role': 'analyst', sub: 'ana' }, 'https://shop/role')).toEqual({ role: 'analyst', subject: 'ana' });
    expect(() => principalFromClaims({ role: 'root', sub: 'x' }, 'role')).toThrow(/claim must be one of/);
    const token = signToken({ role: 'service', subject: 'shop', ttlSeconds: 60 }, { secret: SECRET, roleClaim: 'role', issuer: 'grec' });
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({ role: 'service', sub: 'shop', iss: 'grec' });
    expect(Number(claims['exp']) - Number(claims['iat'])).toBe(60);
  });
});

describe('rate-limit buckets', () => {
  it('one per identity: shoppers by a hash of their id, keys and tokens by subject, anonymous by address', async () => {
    const { principalRateKey } = await import('../../src/graphql/principal-rate-key.ts');
    const a = principalRateKey({ principal: { role: 'shopper', userId: asUserId('u1') } });
    expect(a).toMatch(/^shopper:[A-Za-z0-9_-]{22}$/);
    expect(a).not.toContain('u1');
    expect(principalRateKey({ principal: { role: 'shopper', userId: asUserId('u2') } })).not.toBe(a);
    expect(principalRateKey({ principal: { role: 'service', subject: 'key:k-01234567' } })).toBe('service:key:k-01234567');
    expect(principalRateKey({ principal: { role: 'anonymous' }, req: { socket: { remoteAddress: '10.0.0.7' } } } as never)).toBe('anonymous:10.0.0.7');
  });
});
