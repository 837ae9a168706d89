import { CONSENT_PROPERTY, PURPOSES, type ConsentFlags } from '../domain/consent.ts';
import type { UserId } from '../domain/ids.ts';
import { cypher } from './cypher-files.ts';
import type { Executor, Row } from './executor.ts';

/** What export-user.cypher returns, decoded (driver types gone, absent values as null). */
export interface StoredUserData {
  readonly properties: Readonly<Record<string, unknown>>;
  readonly events: readonly Row[];
  readonly interactions: readonly Row[];
  readonly friends: readonly Row[];
  readonly follows: readonly Row[];
  readonly followers: readonly Row[];
  /** The Impression nodes of the user's pages (docs/loop.md). */
  readonly impressions: readonly Row[];
}

export interface ErasureCounts {
  readonly events: number;
  readonly impressions: number;
  readonly relationships: number;
  /** false: the user did not exist (nothing written, no audit record). */
  readonly erased: boolean;
}

/** Consent writes, erasure (in batches) with its audit record, the user's data export: cypher/privacy/. */
export class PrivacyStore {
  constructor(
    private readonly executor: Executor,
    private readonly batchSize = 10_000,
  ) {}

  /** Writes the given flags; false when the user does not exist. */
  async setConsent(userId: UserId, flags: ConsentFlags): Promise<boolean> {
    const props: Record<string, boolean> = {};
    for (const p of PURPOSES) {
      const v = flags[p];
      if (v !== undefined) props[CONSENT_PROPERTY[p]] = v;
    }
    const rows = await this.executor.write(cypher('privacy/set-consent'), { userId, props });
    return rows.length > 0;
  }

  async userExists(userId: UserId): Promise<boolean> {
    const rows = await this.executor.read(cypher('api/users-by-ids'), { ids: [userId] });
    return rows.length > 0;
  }

  /**
   * Events, impressions, then relationships, each in transactions of `batchSize`, then the node and the audit record in
   * one transaction. Every step is idempotent, so a retry after a failure finishes the erasure.
   */
  async erase(userId: UserId, audit: { readonly idHash: string; readonly at: number }): Promise<ErasureCounts> {
    const events = await this.drain('privacy/erase-events', userId);
    const impressions = await this.drain('privacy/erase-impressions', userId);
    const relationships = await this.drain('privacy/erase-relationships', userId);
    const rows = await this.executor.writeTx((tx) => tx.run(cypher('privacy/erase-user'), { userId, idHash: audit.idHash, at: audit.at }), 'privacy:erase');
    return { events, impressions, relationships, erased: Number(rows[0]?.['erased'] ?? 0) > 0 };
  }

  async exportUser(userId: UserId): Promise<StoredUserData | null> {
    const [row] = await this.executor.read(cypher('privacy/export-user'), { userId });
    if (row === undefined) return null;
    const list = (k: string) => (row[k] ?? []) as Row[];
    return {
      properties: row['user'] as Record<string, unknown>,
      events: list('events'),
      interactions: list('interactions'),
      friends: list('friends'),
      follows: list('follows'),
      followers: list('followers'),
      impressions: list('impressions'),
    };
  }

  /** Moves the pre-purpose `consent` flag to consentSocial (run at start-up); returns users migrated. */
  async migrateLegacyConsent(): Promise<number> {
    const rows = await this.executor.autoCommit(cypher('privacy/migrate-legacy-consent'));
    return Number(rows[0]?.['migrated'] ?? 0);
  }

  private async drain(file: string, userId: UserId): Promise<number> {
    let total = 0;
    for (;;) {
      const rows = await this.executor.writeTx((tx) => tx.run(cypher(file), { userId, batchSize: this.batchSize }), `privacy:${file}`);
      const deleted = Number(rows[0]?.['deleted'] ?? 0);
      total += deleted;
      if (deleted < this.batchSize) return total;
    }
  }
}
