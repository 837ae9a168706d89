// What API replicas over one database share through it (README "Deployment"): a log of the cache-relevant
// writes each replica made (cypher/replica/change-*.cypher), polled by the others, and named leases that
// let exactly one replica run a scheduled job (cypher/replica/lease-*.cypher).
import { cypher } from './cypher-files.ts';
import type { Executor } from './executor.ts';

/** One replica's batch of writes, as appended to the log. */
export interface ChangeRecord {
  readonly seq: number;
  readonly replica: string;
  /** Encoded changes (replica-sync.ts owns the format). */
  readonly changes: readonly string[];
}

export interface ChangesSince {
  /** The newest sequence number in the store (0: none yet). */
  readonly head: number;
  /** Records after the asked sequence, oldest first. */
  readonly records: readonly ChangeRecord[];
}

export class ReplicaStore {
  constructor(private readonly executor: Executor) {}

  /** Appends a batch (one write transaction) and prunes records written before `before`; returns its sequence. */
  async append(replica: string, changes: readonly string[], now: number, before: number): Promise<number> {
    const [row] = await this.executor.write(cypher('replica/change-append'), { replica, changes: [...changes], now, before });
    return Number(row?.['seq']);
  }

  async since(after: number, limit: number): Promise<ChangesSince> {
    const [row] = await this.executor.read(cypher('replica/change-since'), { after, limit });
    const records = (row?.['records'] as { seq: number; replica: string; changes: string[] }[] | undefined) ?? [];
    return {
      head: Number(row?.['head'] ?? 0),
      records: records.map((r) => ({ seq: Number(r.seq), replica: String(r.replica), changes: r.changes.map(String) })),
    };
  }

  /** True when `holder` holds the lease after this call (taken, renewed, or already its own). */
  async takeLease(name: string, holder: string, now: number, ttlMs: number): Promise<boolean> {
    const [row] = await this.executor.write(cypher('replica/lease-take'), { name, holder, now, ttlMs });
    return row?.['holder'] === holder;
  }

  async releaseLease(name: string, holder: string): Promise<void> {
    await this.executor.write(cypher('replica/lease-release'), { name, holder });
  }
}
