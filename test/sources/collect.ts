import type { DataSource, RecordKind, Rejection, SourceRow } from '../../src/domain/ingest.ts';

export interface Collected {
  readonly rows: SourceRow[];
  readonly rejections: Rejection[];
  readonly counts: Partial<Record<RecordKind | 'rejected', number>>;
}

/** Reads a whole source into memory (test-sized inputs only) with per-kind counts. */
export async function collect(source: DataSource): Promise<Collected> {
  const rows: SourceRow[] = [];
  const rejections: Rejection[] = [];
  const counts: Partial<Record<RecordKind | 'rejected', number>> = {};
  for await (const row of source.rows()) {
    rows.push(row);
    counts[row.kind] = (counts[row.kind] ?? 0) + 1;
    if (row.kind === 'rejected') rejections.push(row.rejection);
  }
  return { rows, rejections, counts };
}

/** Narrows rows to one record kind. */
export function ofKind<K extends SourceRow['kind']>(rows: readonly SourceRow[], kind: K): Extract<SourceRow, { kind: K }>[] {
  return rows.filter((r): r is Extract<SourceRow, { kind: K }> => r.kind === kind);
}
