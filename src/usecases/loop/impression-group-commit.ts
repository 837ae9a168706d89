// Group commit for impression reports. Every rendered page sends one recordImpressions, so under load the
// write transactions, not the checks, bound throughput (bench:loop measured ~4 ms of server time per report
// written in its own transaction). Reports arriving while a write is in flight wait for it and then go
// together in the next one (ImpressionStore.record takes any number in one UNWIND round trip): no added
// latency when idle, one transaction per in-flight interval when busy. Each caller still gets its own exact
// outcome (items new with its report, the page's total), and a failed write fails exactly the reports in it
// (they are idempotent, so the client's retry is safe).
import type { ImpressionOutcome, ImpressionReport } from '../../storage/impression-store.ts';

export interface ImpressionWriter {
  record(reports: readonly ImpressionReport[]): Promise<ImpressionOutcome[]>;
}

interface Waiting {
  readonly report: ImpressionReport;
  resolve(outcome: ImpressionOutcome): void;
  reject(err: unknown): void;
}

export class ImpressionGroupCommit implements ImpressionWriter {
  private waiting: Waiting[] = [];
  private writing = false;
  /** Transactions written and reports in them (for tests and the benchmark's report). */
  batches = 0;
  reports = 0;

  constructor(private readonly store: ImpressionWriter, private readonly maxBatch = 500) {}

  record(reports: readonly ImpressionReport[]): Promise<ImpressionOutcome[]> {
    return Promise.all(reports.map((report) => new Promise<ImpressionOutcome>((resolve, reject) => {
      this.waiting.push({ report, resolve, reject });
      this.next();
    })));
  }

  private next(): void {
    if (this.writing || this.waiting.length === 0) return;
    this.writing = true;
    const batch = this.waiting.splice(0, this.maxBatch);
    this.batches++;
    this.reports += batch.length;
    this.store.record(batch.map((w) => w.report)).then(
      (outcomes) => batch.forEach((w, k) => w.resolve(outcomes[k] ?? null)),
      (err: unknown) => batch.forEach((w) => w.reject(err)),
    ).finally(() => {
      this.writing = false;
      this.next();
    });
  }
}
