import { invalidInput } from '../../domain/errors.ts';
import { hasReplacementChar } from '../shared/numbers.ts';
import { readDelimited } from '../shared/read-delimited.ts';
import { readLines } from '../shared/read-lines.ts';
import { type RejectedRow, rejected } from '../shared/rejection.ts';

export type TableFormat = 'csv' | 'tsv' | 'jsonl';

/** One structurally sound row: values by the file's own column names (CSV cells are strings). */
export interface TableRow {
  readonly kind: 'row';
  readonly line: number;
  readonly values: Readonly<Record<string, unknown>>;
}

/**
 * Reads a generic-format file as rows keyed by column name, rejecting rows that cannot be read at all
 * (wrong column count, undecodable UTF-8, unparseable JSON). Field-level checks are the caller's.
 */
export function readTable(path: string, format: TableFormat): AsyncGenerator<TableRow | RejectedRow> {
  return format === 'jsonl' ? readJsonLines(path) : readCsv(path, format === 'tsv' ? '\t' : ',');
}

async function* readCsv(path: string, delimiter: string): AsyncGenerator<TableRow | RejectedRow> {
  let header: readonly string[] | undefined;
  for await (const rec of readDelimited(path, { delimiter, encoding: 'utf8', quoted: true })) {
    if (rec.kind === 'fatal') {
      // csv-parse cannot resynchronise after e.g. an unclosed quote, so the rest is unread: say so.
      yield rejected(path, rec.line, 'malformed_row', `${rec.message}; the rest of the file was not read`);
      return;
    }
    if (header === undefined) {
      header = rec.fields.map((h) => h.trim());
      const dup = header.find((h, i) => header?.indexOf(h) !== i);
      if (dup !== undefined) throw invalidInput(`${path}: column '${dup}' appears twice in the header`, { path });
      continue;
    }
    if (rec.fields.length !== header.length) {
      yield rejected(path, rec.line, 'malformed_row', `expected ${header.length} columns as in the header, got ${rec.fields.length}`);
      continue;
    }
    const bad = rec.fields.findIndex(hasReplacementChar);
    if (bad >= 0) {
      yield rejected(path, rec.line, 'bad_encoding', `${header[bad] ?? 'a column'} is not valid UTF-8`, header[bad]);
      continue;
    }
    const values: Record<string, unknown> = {};
    header.forEach((name, i) => {
      values[name] = rec.fields[i];
    });
    yield { kind: 'row', line: rec.line, values };
  }
}

async function* readJsonLines(path: string): AsyncGenerator<TableRow | RejectedRow> {
  for await (const { line, text } of readLines(path, 'utf8')) {
    if (hasReplacementChar(text)) {
      yield rejected(path, line, 'bad_encoding', 'line is not valid UTF-8');
      continue;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (err) {
      yield rejected(path, line, 'malformed_row', `invalid JSON: ${err instanceof Error ? err.message : String(err)}`);
      continue;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      yield rejected(path, line, 'malformed_row', 'expected a JSON object per line');
      continue;
    }
    yield { kind: 'row', line, values: parsed as Record<string, unknown> };
  }
}
