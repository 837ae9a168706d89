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

  /**
   * Writes the reports in one transaction; outcomes in the order of `reports`. Reports of one page in the
   * same call are merged into one row (the earliest time; items in report order); each counts the items
   * it was first to add, and `total` is the page's count after the whole call.
   */
  async record(reports: readonly ImpressionReport[]): Promise<ImpressionOutcome[]> {
    if (reports.length === 0) return [];
    const groups = new Map<string, number[]>();
    reports.forEach((r, j) => groups.set(r.recId, [...(groups.get(r.recId) ?? []), j]));
    const rows = [...groups.values()].map((members, k) => ({ k, ...merged(members.map((j) => reports[j]!)) }));
    const written = await this.write(rows);
    const out: ImpressionOutcome[] = reports.map(() => null);
    for (const [k, members] of [...groups.values()].entries()) {
      const row = written.get(k);
      if (row === undefined) continue;
      const unclaimed = new Set(row.fresh);
      for (const j of members) {
        const mine = reports[j]!.itemIds.filter((id) => unclaimed.delete(id));
        out[j] = { recorded: mine.length, total: row.total };
      }
    }
    return out;
  }

  private async write(rows: readonly Record<string, unknown>[]): Promise<Map<number, { fresh: string[]; total: number }>> {
    // Two transactions creating the same new recId both MERGE-create; the second fails on the impression_rec
    // constraint once the first has committed, so running it again matches the node and adds only what is new.
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await this.executor.writeTx((tx) => tx.run(cypher('loop/impression-record'), { rows }), 'loop:impressions');
        return new Map(result.map((r) => [Number(r['k']), { fresh: (r['fresh'] as unknown[]).map(String), total: Number(r['total']) }]));
      } catch (err) {
        if (attempt >= RACE_ATTEMPTS || !isRecIdConflict(err)) throw err;
      }
    }
  }
}

/** One row for the reports of one page: its facts (the same in each: the id names them), the earliest time, the union of the items. */
function merged(group: readonly ImpressionReport[]): Omit<ImpressionReport, 'itemIds' | 'positions'> & { day: string; itemIds: string[]; positions: number[] } {
  const first = group[0]!;
  const itemIds: string[] = [];
  const positions: number[] = [];
  for (const r of group) {
    r.itemIds.forEach((id, k) => {
      if (!itemIds.includes(id)) {
        itemIds.push(id);
        positions.push(r.positions[k]!);
      }
    });
  }
  const at = Math.min(...group.map((r) => r.at));
  return { ...first, at, day: utcDay(at), itemIds, positions };
}

/** The UTC calendar day of an instant, YYYY-MM-DD (the per-day metrics group by it). */
export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function isRecIdConflict(err: unknown): boolean {
  return isAppError(err) && err.code === 'CONFLICT' && err.details['label'] === 'Impression' && err.details['property'] === 'recId';
}
