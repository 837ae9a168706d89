// API keys for backend services: created and revoked by an admin (the `grec keys` CLI), stored only as a
// SHA-256 hash. A key is 32 random bytes, so a plain (unsalted) hash is safe to store: unlike a password it
// cannot be guessed, and a fixed hash lets a request be authenticated with one indexed lookup.
import { createHash, randomBytes } from 'node:crypto';
import { invalidInput, notFound } from '../../domain/errors.ts';
import { isRole, type Principal, type Role } from '../../domain/principal.ts';
import type { ApiKeyStore, StoredApiKey } from '../../storage/api-key-store.ts';
import { authorize } from './permissions.ts';

/** Keys look like `grec_<id>_<secret>`: the id names the key in logs and lists; the secret is never logged. */
const KEY_PATTERN = /^grec_(k-[0-9a-f]{8})_([A-Za-z0-9_-]{43})$/;

export const hashApiKey = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex');

export async function createApiKey(
  p: Principal,
  input: { name: string; role: string },
  store: ApiKeyStore,
  now: number,
): Promise<{ id: string; key: string; role: Role }> {
  authorize(p, 'keys:manage');
  const name = input.name.trim();
  if (name.length === 0 || name.length > 100) throw invalidInput('a key needs a name of 1..100 characters', { field: 'name' });
  if (!isRole(input.role) || input.role === 'shopper') {
    throw invalidInput(`a key's role must be service, analyst or admin, got '${input.role}'`, { field: 'role' });
  }
  const id = `k-${randomBytes(4).toString('hex')}`;
  const key = `grec_${id}_${randomBytes(32).toString('base64url')}`;
  await store.create({ id, hash: hashApiKey(key), name, role: input.role, createdAt: now });
  return { id, key, role: input.role };
}

export async function revokeApiKey(p: Principal, id: string, store: ApiKeyStore, now: number): Promise<void> {
  authorize(p, 'keys:manage');
  if (!(await store.revoke(id, now))) throw notFound('API key', id);
}

export async function listApiKeys(p: Principal, store: ApiKeyStore): Promise<StoredApiKey[]> {
  authorize(p, 'keys:manage');
  return store.list();
}

/**
 * Turns a presented key into its principal, or null when it is unknown, revoked or malformed. Lookups are
 * cached for `cacheMs` (hits and misses), so a flood of requests with one key costs one query per period;
 * a revocation takes effect within that period.
 */
export class ApiKeyAuthenticator {
  private readonly cache = new Map<string, { at: number; principal: Principal | null }>();

  constructor(
    private readonly store: ApiKeyStore,
    private readonly cacheMs: number,
    private readonly now: () => number,
    private readonly maxEntries = 10_000,
  ) {}

  async principalFor(key: string): Promise<Principal | null> {
    if (!KEY_PATTERN.test(key)) return null;
    const hash = hashApiKey(key);
    const hit = this.cache.get(hash);
    const now = this.now();
    if (hit !== undefined && now - hit.at < this.cacheMs) return hit.principal;
    const row = await this.store.liveByHash(hash);
    const principal: Principal | null =
      row !== null && isRole(row.role) && row.role !== 'shopper' ? { role: row.role, subject: `key:${row.id}` } : null;
    if (this.cache.size >= this.maxEntries) this.cache.clear();
    this.cache.set(hash, { at: now, principal });
    return principal;
  }
}
