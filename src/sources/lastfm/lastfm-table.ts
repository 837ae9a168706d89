import type { SourceRow } from '../../domain/ingest.ts';
import { hasReplacementChar, parseNonNegativeInt } from '../shared/numbers.ts';
import { readLineBatches } from '../shared/read-lines.ts';
import { rejected } from '../shared/rejection.ts';
import type { LastfmFile } from './lastfm-files.ts';

/** A data line that passed the structural checks: right column count, decodable text. */
export interface LastfmLine {
  readonly path: string;
  readonly line: number;
  readonly fields: readonly string[];
}

/**
 * Reads one HetRec file as batches of rows: the first non-blank line must be the header, every later
 * line must have exactly the header's column count and (UTF-8 files) no undecodable bytes. Lines that
 * pass go to `handle`, which pushes records or rejections to `out`.
 */
export async function* readLastfmTable(
  path: string,
  spec: LastfmFile,
  handle: (row: LastfmLine, out: SourceRow[]) => void,
): AsyncGenerator<readonly SourceRow[]> {
  let sawHeader = false;
  for await (const lines of readLineBatches(path, spec.encoding)) {
    const out: SourceRow[] = [];
    for (const { line, text } of lines) {
      const fields = text.split('\t');
      if (!sawHeader) {
        sawHeader = true;
        if (fields.join('\t') === spec.columns.join('\t')) continue;
        out.push(rejected(path, line, 'malformed_row', `expected header '${spec.columns.join('\\t')}'`));
        continue;
      }
      if (fields.length !== spec.columns.length) {
        out.push(rejected(path, line, 'malformed_row', `expected ${spec.columns.length} tab-separated columns (${spec.columns.join(', ')}), got ${fields.length}`));
        continue;
      }
      // Latin-1 decodes every byte, so only the UTF-8 files can hold U+FFFD from invalid bytes.
      const bad = spec.encoding === 'utf8' ? fields.findIndex(hasReplacementChar) : -1;
      if (bad >= 0) {
        out.push(rejected(path, line, 'bad_encoding', `${spec.columns[bad] ?? 'column'} is not valid UTF-8`, spec.columns[bad]));
        continue;
      }
      handle({ path, line, fields }, out);
    }
    if (out.length > 0) yield out;
  }
}

/**
 * Parses the given columns as non-negative integer ids/counts. On the first failure pushes a
 * rejection and returns undefined, so callers just `if (ids === undefined) return;`.
 */
export function parseIntColumns(
  row: LastfmLine,
  spec: LastfmFile,
  indexes: readonly number[],
  out: SourceRow[],
): number[] | undefined {
  const values: number[] = [];
  for (const i of indexes) {
    const column = spec.columns[i] ?? `column ${i + 1}`;
    const raw = (row.fields[i] ?? '').trim();
    if (raw === '') {
      out.push(rejected(row.path, row.line, /(^id|ID)$/.test(column) ? 'missing_id' : 'missing_field', `${column} is empty`, column));
      return undefined;
    }
    const n = parseNonNegativeInt(raw);
    if (n === undefined) {
      out.push(rejected(row.path, row.line, 'bad_number', `${column} '${raw}' is not a non-negative integer`, column));
      return undefined;
    }
    values.push(n);
  }
  return values;
}
