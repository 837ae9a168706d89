// Impressions (docs/loop.md): one Impression node per recommendation id, the union of the items reported
// rendered on that page. Many reports go in one UNWIND round trip (the simulator and busy clients report in
// batches); each row is idempotent, so a retried batch records nothing twice.
import { isAppError } from '../domain/errors.ts';
import type { ItemId, UserId } from '../domain/ids.ts';
import type { Surface } from '../domain/loop.ts';
import { cypher } from './cypher-files.ts';
import type { Executor } from './executor.ts';

/** One report: what the page's id says about it, and the items rendered with their positions (parallel). */
export interface ImpressionReport {
  readonly recId: string;
  readonly userId: UserId;
  readonly surface: Surface;
  readonly servedAt: number;
  /** When these items were rendered (epoch ms); the node keeps the first report's time and its UTC day. */
  readonly at: number;
  readonly strategy: string | null;
  readonly experiment: string | null;
  readonly variant: string | null;
  readonly campaign: string | null;
  readonly offset: number;
  readonly itemIds: readonly ItemId[];
  readonly positions: readonly number[];
}

/** Per report: items new with this call, items of the page recorded so far; null when the user is not stored. */
export type ImpressionOutcome = { readonly recorded: number; readonly total: number } | null;

/** Two first reports of one id racing: a few attempts cover any realistic burst (as GraphWriter.events). */
const RACE_ATTEMPTS = 5;

export class ImpressionStore {
  constructor(private readonly executor: Executor) {}

  /** Writes the reports in one transaction; outcomes in the order of `reports`. */
  async record(reports: readonly ImpressionReport[]): Promise<ImpressionOutcome[]> {
    if (reports.length === 0) return [];
    const rows = reports.map((r, k) => ({ k, ...r, day: utcDay(r.at) }));
    // Two transactions creating the same new recId both MERGE-create; the second fails on the impression_rec
    // constraint once the first has committed, so running it again matches the node and adds only what is new.
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await this.executor.writeTx((tx) => tx.run(cypher('loop/impression-record'), { rows }), 'loop:impressions');
        const out: ImpressionOutcome[] = reports.map(() => null);
        for (const r of result) out[Number(r['k'])] = { recorded: Number(r['recorded']), total: Number(r['total']) };
        return out;
      } catch (err) {
        if (attempt >= RACE_ATTEMPTS || !isRecIdConflict(err)) throw err;
      }
    }
  }
}

/** The UTC calendar day of an instant, YYYY-MM-DD (the per-day metrics group by it). */
export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function isRecIdConflict(err: unknown): boolean {
  return isAppError(err) && err.code === 'CONFLICT' && err.details['label'] === 'Impression' && err.details['property'] === 'recId';
}
