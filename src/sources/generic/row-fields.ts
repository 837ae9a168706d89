import { idTextProblem } from '../../domain/id-text.ts';
import type { RejectReason } from '../../domain/ingest.ts';
import { parseDecimal } from '../shared/numbers.ts';
import { type RejectedRow, isRejected as isRejectedRow, rejected } from '../shared/rejection.ts';
import { type ColumnMapping, type GenericColumn, type GenericTable, sourceColumn } from './generic-columns.ts';
import type { TableRow } from './read-table.ts';

/** A record under construction: optional fields are set one by one, then it is frozen by type. */
export type Draft<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Typed access to one row's canonical columns, through the column mapping. Getters return the value,
 * undefined when the cell is absent or empty, or a rejection naming the file's own column.
 * Cells may be CSV strings or JSON values, so every getter accepts both.
 */
export class RowFields<T extends GenericTable> {
  constructor(
    readonly path: string,
    readonly row: TableRow,
    private readonly table: T,
    private readonly mapping: ColumnMapping,
  ) {}

  /** The file's name for a canonical column (what rejections report). */
  column(column: GenericColumn<T>): string {
    return sourceColumn(this.mapping, this.table, column);
  }

  raw(column: GenericColumn<T>): unknown {
    return this.row.values[this.column(column)];
  }

  reject(reason: RejectReason, message: string, column?: GenericColumn<T>): RejectedRow {
    return rejected(this.path, this.row.line, reason, message, column === undefined ? undefined : this.column(column));
  }

  /** Trimmed text; numbers and booleans are accepted as their text. */
  text(column: GenericColumn<T>): string | undefined | RejectedRow {
    const v = this.raw(column);
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string') return v.trim() === '' ? undefined : v.trim();
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    return this.reject('malformed_row', `${this.column(column)} must be text, got ${JSON.stringify(v)}`, column);
  }

  /** Required text: absent or empty gives `reason` (missing_id for ids, missing_field otherwise). */
  required(column: GenericColumn<T>, reason: 'missing_id' | 'missing_field'): string | RejectedRow {
    const v = this.text(column);
    return v ?? this.reject(reason, `${this.column(column)} is missing`, column);
  }

  /**
   * A required id (the row's own id or a reference to another record): like `required`, and rejected as
   * invalid_id when it holds control or invisible characters (the live path's rule, src/domain/id-text.ts).
   */
  id(column: GenericColumn<T>, reason: 'missing_id' | 'missing_field'): string | RejectedRow {
    const raw = this.raw(column);
    if (typeof raw === 'string') {
      const problem = idTextProblem(raw);
      if (problem !== undefined) return this.reject('invalid_id', `${this.column(column)} ${problem}`, column);
    }
    return this.required(column, reason);
  }

  /** A list of ids (categories, tags): each entry checked as `id` checks one. */
  idList(column: GenericColumn<T>): string[] | undefined | RejectedRow {
    const values = this.list(column);
    if (values === undefined || isRejectedRow(values)) return values;
    for (const v of values) {
      const problem = idTextProblem(v);
      if (problem !== undefined) return this.reject('invalid_id', `${this.column(column)} entry ${JSON.stringify(v)} ${problem}`, column);
    }
    return values;
  }

  number(column: GenericColumn<T>): number | undefined | RejectedRow {
    const v = this.raw(column);
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) return undefined;
    const n = typeof v === 'number' ? (Number.isFinite(v) ? v : undefined) : typeof v === 'string' ? parseDecimal(v) : undefined;
    return n ?? this.reject('bad_number', `${this.column(column)} ${JSON.stringify(v)} is not a number`, column);
  }

  /** A list: a JSON array of texts, or text with `|` between values. Empty entries are dropped. */
  list(column: GenericColumn<T>): string[] | undefined | RejectedRow {
    const v = this.raw(column);
    if (v === undefined || v === null) return undefined;
    const parts = Array.isArray(v) ? v : typeof v === 'string' || typeof v === 'number' ? String(v).split('|') : undefined;
    if (parts === undefined || parts.some((p) => typeof p !== 'string' && typeof p !== 'number')) {
      return this.reject('malformed_row', `${this.column(column)} must be a list of texts`, column);
    }
    const values = parts.map((p) => String(p).trim()).filter((p) => p !== '');
    return values.length > 0 ? values : undefined;
  }

  /** true/false, yes/no, y/n, 1/0 (any case), or a JSON boolean. */
  boolean(column: GenericColumn<T>): boolean | undefined | RejectedRow {
    const v = this.raw(column);
    if (v === undefined || v === null || v === '') return undefined;
    if (typeof v === 'boolean') return v;
    const s = String(v).trim().toLowerCase();
    if (['true', 'yes', 'y', '1'].includes(s)) return true;
    if (['false', 'no', 'n', '0'].includes(s)) return false;
    return this.reject('malformed_row', `${this.column(column)} ${JSON.stringify(v)} is not a yes/no value`, column);
  }
}
