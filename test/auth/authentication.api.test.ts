import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../src/domain/principal.ts';
import { ApiKeyStore } from '../../src/storage/api-key-store.ts';
import type { GraphConnection } from '../../src/storage/connect.ts';
import { createApiKey, hashApiKey, listApiKeys, revokeApiKey } from '../../src/usecases/access/api-keys.ts';
import { ANONYMOUSLY, bearer, createTestApi, TEST_JWT_SECRET, type Gql } from '../support/api.ts';
import { openTestGraph } from '../support/graph.ts';

const code = (r: { body: { errors?: { extensions?: Record<string, unknown> }[] } }) => r.body.errors?.[0]?.extensions?.['code'];
const header = (token: string) => ({ authorization: `Bearer ${token}` });

describe('authentication: tokens and API keys over HTTP', () => {
  let graph: GraphConnection;
  let gql: Gql;
  let keys: ApiKeyStore;

  beforeAll(async () => {
    graph = await openTestGraph();
    gql = createTestApi(graph).gql;
    keys = new ApiKeyStore(graph.executor);
    await graph.executor.write("CREATE (:User {id: 'u1', name: 'Ann', age: 31}), (:User {id: 'u2', name: 'Bob', age: 45})");
  });
  afterAll(async () => graph.close());

  it('no credentials: anonymous, which may ask for health only among these', async () => {
    const health = await gql('{ health { status } }', {}, ANONYMOUSLY);
    expect(health.body).toEqual({ data: { health: { status: 'ok' } } });
    const user = await gql('{ user(id: "u1") { id } }', {}, ANONYMOUSLY);
    expect(code(user)).toBe('UNAUTHENTICATED');
    expect(user.body.data).toEqual({ user: null });
  });

  it('a valid token acts as its role and subject', async () => {
    const own = await gql('{ user(id: "u1") { id age } }', {}, bearer('shopper', 'u1'));
    expect(own.body).toEqual({ data: { user: { id: 'u1', age: 31 } } });
    const other = await gql('{ user(id: "u2") { id } }', {}, bearer('shopper', 'u1'));
    expect(code(other)).toBe('FORBIDDEN');
  });

  it('bad tokens are UNAUTHENTICATED, never a silent fall back to anonymous', async () => {
    const claims = { role: 'admin' };
    const cases: Record<string, string> = {
      garbage: 'not-a-jwt',
      'other secret': jwt.sign(claims, 'another-secret-that-is-long-enough-0123456789', { subject: 'x', expiresIn: 60 }),
      expired: jwt.sign({ ...claims, exp: Math.floor(Date.now() / 1000) - 10 }, TEST_JWT_SECRET, { subject: 'x' }),
      'alg none': `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify({ ...claims, sub: 'x' })).toString('base64url')}.`,
      'unknown role': jwt.sign({ role: 'root' }, TEST_JWT_SECRET, { subject: 'x', expiresIn: 60 }),
      'no subject': jwt.sign(claims, TEST_JWT_SECRET, { expiresIn: 60 }),
      'control character in subject': jwt.sign({ role: 'shopper' }, TEST_JWT_SECRET, { subject: 'u1\u202e', expiresIn: 60 }),
    };
    for (const [name, token] of Object.entries(cases)) {
      const r = await gql('{ health { status } }', {}, header(token));
      expect(code(r), name).toBe('UNAUTHENTICATED');
      expect(r.body.data ?? null, name).toBeNull();
    }
    const basic = await gql('{ health { status } }', {}, { authorization: 'Basic dXNlcjpwYXNz' });
    expect(code(basic)).toBe('UNAUTHENTICATED');
  });

  it('API keys: created by an admin, shown once, stored hashed, usable as their role until revoked', async () => {
    const created = await createApiKey(SYSTEM, { name: 'shop backend', role: 'service' }, keys, 1_000);
    expect(created.key).toMatch(/^grec_k-[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    const stored = await graph.executor.read('MATCH (k:ApiKey) RETURN properties(k) AS p');
    expect(stored).toEqual([{ p: { id: created.id, hash: hashApiKey(created.key), name: 'shop backend', role: 'service', createdAt: 1_000 } }]);
    expect(JSON.stringify(stored)).not.toContain(created.key.slice(-43));

    const asKey = { 'x-api-key': created.key };
    const write = await gql('mutation { upsertItem(input: {id: "i9", title: "Nine"}) { id } }', {}, asKey);
    expect(write.body).toEqual({ data: { upsertItem: { id: 'i9' } } });
    const refit = await gql('mutation { refreshGraphModel(writeEmbeddings: false) { users } }', {}, asKey);
    expect(code(refit)).toBe('FORBIDDEN');

    await revokeApiKey(SYSTEM, created.id, keys, 2_000);
    const after = await gql('{ item(id: "i9") { id } }', {}, asKey);
    expect(code(after)).toBe('UNAUTHENTICATED');
    expect(await listApiKeys(SYSTEM, keys)).toEqual([{ id: created.id, name: 'shop backend', role: 'service', createdAt: 1_000, revokedAt: 2_000 }]);

    const wrong = await gql('{ health { status } }', {}, { 'x-api-key': `${created.key.slice(0, -1)}A` });
    expect(code(wrong)).toBe('UNAUTHENTICATED');
    const both = await gql('{ health { status } }', {}, { ...bearer('admin'), 'x-api-key': created.key });
    expect(code(both)).toBe('UNAUTHENTICATED');
  });

  it('only an admin manages keys; a key cannot be a shopper', async () => {
    await expect(createApiKey({ role: 'service', subject: 's' }, { name: 'x', role: 'admin' }, keys, 0)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(createApiKey({ role: 'anonymous' }, { name: 'x', role: 'service' }, keys, 0)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(createApiKey(SYSTEM, { name: 'x', role: 'shopper' }, keys, 0)).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { field: 'role' } });
    await expect(revokeApiKey(SYSTEM, 'k-00000000', keys, 0)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
