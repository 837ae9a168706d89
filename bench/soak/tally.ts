// Counts of one soak run: per operation latencies, HTTP statuses, GraphQL error codes, transport failures
// and the idempotency checks of recordInteraction.

export interface OperationStats {
  requests: number;
  errors: number;
  readonly latenciesMs: number[];
}

export class Tally {
  readonly operations = new Map<string, OperationStats>();
  readonly statuses = new Map<string, number>();
  readonly errorCodes = new Map<string, number>();
  /** A retried event id that came back `created: true` (double counted), or a new id that came back false. */
  idempotencyViolations = 0;
  duplicatesSent = 0;

  record(operation: string, ms: number, status: string, codes: readonly string[]): void {
    let s = this.operations.get(operation);
    if (s === undefined) this.operations.set(operation, (s = { requests: 0, errors: 0, latenciesMs: [] }));
    s.requests++;
    s.latenciesMs.push(ms);
    bump(this.statuses, status);
    if (codes.length > 0) s.errors++;
    for (const c of codes) bump(this.errorCodes, c);
  }

  get requests(): number {
    let n = 0;
    for (const s of this.operations.values()) n += s.requests;
    return n;
  }

  /** Requests answered with any error (GraphQL error, non-200 status, transport failure). */
  get failedRequests(): number {
    let n = 0;
    for (const s of this.operations.values()) n += s.errors;
    return n;
  }
}

const bump = (m: Map<string, number>, key: string): void => void m.set(key, (m.get(key) ?? 0) + 1);

/** Nearest-rank percentile (p in 0..100) of an unsorted sample; NaN when empty. */
export function percentile(sample: readonly number[], p: number): number {
  if (sample.length === 0) return Number.NaN;
  const sorted = [...sample].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}
