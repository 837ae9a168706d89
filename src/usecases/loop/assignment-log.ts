// Writes ASSIGNED edges off the request path: serving a page only queues a row; a batch goes to the graph
// every `flushMs` or as soon as `maxRows` are waiting, in one UNWIND + MERGE statement (the first assignment
// wins, so a row written twice changes nothing). A bounded set of `key|user` skips users already queued in
// this process, so a user's every request costs a Set lookup, not a write. A failed flush keeps its rows for
// the next one and is reported to `onFlushError` (the composition root logs it): a request never fails
// because its assignment could not be written.
import type { AssignmentRow } from '../../storage/experiment-store.ts';

export interface AssignmentWriter {
  writeAssignments(rows: readonly AssignmentRow[]): Promise<void>;
}

export interface AssignmentLogOptions {
  readonly flushMs: number;
  readonly maxRows: number;
  /** `key|user` pairs remembered; the oldest are forgotten beyond it (a forgotten pair is merely written again). */
  readonly maxRemembered: number;
  /** Rows kept while the database is unreachable; the oldest are dropped beyond it (and forgotten, so re-queued later). */
  readonly maxPending: number;
}

export const DEFAULT_ASSIGNMENT_LOG: AssignmentLogOptions = { flushMs: 200, maxRows: 500, maxRemembered: 200_000, maxPending: 50_000 };

export class AssignmentLog {
  /** Told about every failed flush (its rows stay queued). */
  onFlushError: ((err: unknown, pending: number) => void) | undefined;
  private readonly seen = new Set<string>();
  private pending: AssignmentRow[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private flushing: Promise<void> | undefined;
  private closed = false;

  constructor(
    private readonly writer: AssignmentWriter,
    private readonly opts: AssignmentLogOptions = DEFAULT_ASSIGNMENT_LOG,
  ) {}

  /** Queues the user's assignment unless this process already has; O(1). */
  record(key: string, userId: string, variant: string, at: number): void {
    if (this.closed) return;
    const id = `${key}|${userId}`;
    if (this.seen.has(id)) return;
    this.remember(id);
    this.pending.push({ key, userId, variant, at });
    if (this.pending.length > this.opts.maxPending) {
      const dropped = this.pending.splice(0, this.pending.length - this.opts.maxPending);
      for (const r of dropped) this.seen.delete(`${r.key}|${r.userId}`);
    }
    if (this.pending.length >= this.opts.maxRows && this.flushing === undefined) void this.flushQuietly();
    else this.schedule();
  }

  /** Writes everything queued so far (waits for a flush already running). Rejects when the write fails. */
  async flush(): Promise<void> {
    while (this.flushing !== undefined) await this.flushing.catch(() => {});
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (this.pending.length === 0) return;
    const batch = this.pending.splice(0, this.opts.maxRows);
    const run = this.writer.writeAssignments(batch).then(
      // Rows queued while this batch was written get their own flush.
      () => { if (this.pending.length > 0) this.schedule(); },
      // Kept for the next flush, which the next recorded assignment (or close) schedules: no retry loop
      // hammering a database that is down.
      (err: unknown) => { this.pending.unshift(...batch); throw err; },
    );
    this.flushing = run.finally(() => { this.flushing = undefined; });
    await this.flushing;
    if (this.pending.length > 0) await this.flush(); // in batches of maxRows until nothing is left
  }

  /** Final flush (clean shutdown); later records are ignored. */
  async close(): Promise<void> {
    try {
      while (this.pending.length > 0 || this.flushing !== undefined) await this.flush();
    } finally {
      this.closed = true;
      if (this.timer !== undefined) clearTimeout(this.timer);
      this.timer = undefined;
    }
  }

  /** Rows waiting to be written. */
  get size(): number {
    return this.pending.length;
  }

  private schedule(): void {
    if (this.timer !== undefined || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flushQuietly();
    }, this.opts.flushMs);
    this.timer.unref(); // never what keeps a process (a CLI, a test run) alive
  }

  private async flushQuietly(): Promise<void> {
    try {
      await this.flush();
    } catch (err) {
      this.onFlushError?.(err, this.pending.length);
    }
  }

  private remember(id: string): void {
    this.seen.add(id);
    if (this.seen.size > this.opts.maxRemembered) {
      const oldest = this.seen.values().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
  }
}
