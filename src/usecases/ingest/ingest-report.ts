import type { RecordKind, RejectReason, Rejection } from '../../domain/ingest.ts';

export interface KindCounts {
  /** Records of this kind read from the source. */
  read: number;
  /** Records that created something new in the graph. */
  written: number;
  /** Records already present (same id / same edge): skipped, nothing double counted. */
  duplicates: number;
}

export interface IngestReport {
  readonly source: string;
  rowsRead: number;
  readonly kinds: Partial<Record<RecordKind, KindCounts>>;
  rejected: number;
  readonly rejectedByReason: Partial<Record<RejectReason, number>>;
  /** The first rejections with file:line, for the report (all are counted). */
  readonly firstRejections: Rejection[];
  /**
   * Users and items created only because an event, aggregate, item tag or social edge named them: no record
   * of their own (no name, title, price, category, consent) was loaded first. Not in `kinds`: no row is theirs.
   */
  bareNodes: { users: number; items: number };
  elapsedMs: number;
}

export function emptyReport(source: string): IngestReport {
  return { source, rowsRead: 0, kinds: {}, rejected: 0, rejectedByReason: {}, firstRejections: [], bareNodes: { users: 0, items: 0 }, elapsedMs: 0 };
}

/** rows read = records read + rejected: every row is accounted for. */
export function reportAddsUp(r: IngestReport): boolean {
  const records = Object.values(r.kinds).reduce((s, k) => s + k.read, 0);
  const kindsOk = Object.values(r.kinds).every((k) => k.written + k.duplicates === k.read);
  return kindsOk && records + r.rejected === r.rowsRead;
}

export function formatReport(r: IngestReport): string {
  const lines: string[] = [];
  const secs = r.elapsedMs / 1000;
  lines.push(`source ${r.source}: ${r.rowsRead} rows read in ${secs.toFixed(1)} s (${Math.round(r.rowsRead / Math.max(secs, 1e-3))} rows/s)`);
  for (const [kind, k] of Object.entries(r.kinds)) {
    lines.push(`  ${kind.padEnd(10)} read ${String(k.read).padStart(9)}  written ${String(k.written).padStart(9)}  duplicates ${String(k.duplicates).padStart(9)}`);
  }
  const { users, items } = r.bareNodes;
  if (users + items > 0) {
    const n = (k: number, what: string) => `${k} ${what}${k === 1 ? '' : 's'}`;
    lines.push(`  bare nodes ${n(users, 'user')} and ${n(items, 'item')} created only because an interaction or social edge named them (no record of their own)`);
  }
  lines.push(`  rejected   ${r.rejected}`);
  for (const [reason, n] of Object.entries(r.rejectedByReason)) lines.push(`    ${reason}: ${n}`);
  for (const rej of r.firstRejections) {
    lines.push(`    ${rej.file}:${rej.line}${rej.field !== undefined ? ` [${rej.field}]` : ''} ${rej.reason}: ${rej.message}`);
  }
  if (r.rejected > r.firstRejections.length) lines.push(`    ... and ${r.rejected - r.firstRejections.length} more`);
  return lines.join('\n');
}
