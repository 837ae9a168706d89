import { cypher } from './cypher-files.ts';
import type { Executor } from './executor.ts';

export interface StoredApiKey {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly createdAt: number;
  readonly revokedAt: number | null;
}

/** API keys by hash (cypher/auth/*). The clear key never reaches this layer. */
export class ApiKeyStore {
  constructor(private readonly executor: Executor) {}

  async create(key: { id: string; hash: string; name: string; role: string; createdAt: number }): Promise<void> {
    await this.executor.write(cypher('auth/api-key-create'), key);
  }

  async liveByHash(hash: string): Promise<{ id: string; name: string; role: string } | null> {
    const [row] = await this.executor.read(cypher('auth/api-key-by-hash'), { hash });
    return row === undefined ? null : { id: String(row['id']), name: String(row['name']), role: String(row['role']) };
  }

  /** True when a key with this id exists (revoked now or before). */
  async revoke(id: string, at: number): Promise<boolean> {
    const rows = await this.executor.write(cypher('auth/api-key-revoke'), { id, at });
    return rows.length > 0;
  }

  async list(): Promise<StoredApiKey[]> {
    const rows = await this.executor.read(cypher('auth/api-keys-list'));
    return rows.map((r) => ({
      id: String(r['id']),
      name: String(r['name']),
      role: String(r['role']),
      createdAt: Number(r['createdAt']),
      revokedAt: r['revokedAt'] == null ? null : Number(r['revokedAt']),
    }));
  }
}
