import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import { invalidInput } from '../../domain/errors.ts';
import type { DataSource, SourceRow } from '../../domain/ingest.ts';
import { GENERIC_TABLES, type ColumnMapping, type GenericTable } from './generic-columns.ts';
import { parseInteractionRow } from './parse-interaction.ts';
import { parseItemRow } from './parse-item.ts';
import { parseSocialRow } from './parse-social.ts';
import { parseUserRow } from './parse-user.ts';
import { type TableFormat, readTable } from './read-table.ts';
import { RowFields } from './row-fields.ts';

export interface GenericSourceOptions {
  /** Folder searched for `<table>.csv`, `<table>.tsv` or `<table>.jsonl` (each table optional). */
  readonly dir?: string;
  /** Explicit file per table; wins over `dir`. The extension gives the format. */
  readonly files?: { readonly [T in GenericTable]?: string };
  /** Column renames per table, canonical -> file column. */
  readonly columns?: ColumnMapping;
}

const FORMATS: Readonly<Record<string, TableFormat>> = { '.csv': 'csv', '.tsv': 'tsv', '.jsonl': 'jsonl' };

/**
 * A shop's own export in the generic format (GENERIC_FORMAT_DOC). Files are read in the order users,
 * items, interactions, social; every non-blank data line yields exactly one record or one rejection.
 * Which files exist is checked at construction, so a typo in a path fails before anything is loaded.
 */
export function createGenericSource(options: GenericSourceOptions): DataSource {
  const files = resolveFiles(options);
  const columns = options.columns ?? {};
  return { name: 'generic', rows: () => genericRows(files, columns) };
}

interface TableFile {
  readonly table: GenericTable;
  readonly path: string;
  readonly format: TableFormat;
}

function resolveFiles(options: GenericSourceOptions): TableFile[] {
  const found: TableFile[] = [];
  for (const table of GENERIC_TABLES) {
    const explicit = options.files?.[table];
    if (explicit !== undefined) {
      const format = FORMATS[extname(explicit).toLowerCase()];
      if (format === undefined) throw invalidInput(`${explicit}: use a .csv, .tsv or .jsonl file for ${table}`, { path: explicit });
      if (!existsSync(explicit)) throw invalidInput(`${table} file not found: ${explicit}`, { path: explicit });
      found.push({ table, path: explicit, format });
      continue;
    }
    if (options.dir === undefined) continue;
    const dir = options.dir;
    const candidates = Object.entries(FORMATS)
      .map(([ext, format]) => ({ table, path: join(dir, `${table}${ext}`), format }))
      .filter((c) => existsSync(c.path));
    if (candidates.length > 1) {
      throw invalidInput(`${dir} holds ${candidates.map((c) => c.path).join(' and ')}: keep one file per table`, { dir });
    }
    found.push(...candidates);
  }
  if (found.length === 0) {
    const where = options.dir === undefined ? 'no files given' : `nothing in ${options.dir}`;
    throw invalidInput(`Generic source: ${where}; expected users, items, interactions or social as .csv, .tsv or .jsonl`);
  }
  return found;
}

async function* genericRows(files: readonly TableFile[], columns: ColumnMapping): AsyncGenerator<SourceRow> {
  for (const { table, path, format } of files) {
    for await (const entry of readTable(path, format)) {
      if (entry.kind === 'rejected') {
        yield entry;
        continue;
      }
      switch (table) {
        case 'users':
          yield parseUserRow(new RowFields(path, entry, 'users', columns));
          break;
        case 'items':
          yield parseItemRow(new RowFields(path, entry, 'items', columns), columns);
          break;
        case 'interactions':
          yield parseInteractionRow(new RowFields(path, entry, 'interactions', columns));
          break;
        case 'social':
          yield parseSocialRow(new RowFields(path, entry, 'social', columns));
          break;
        default: {
          const unknown: never = table;
          throw new Error(`unhandled table ${String(unknown)}`);
        }
      }
    }
  }
}
