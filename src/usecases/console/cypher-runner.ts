// The console's Cypher runner (README "Console"): analysts run a file of the cypher/ library, its documented
// `:param` values as a form, or an ad-hoc query, without installing cypher-shell. Read-only in three layers:
// the planner must call the statement a read (EXPLAIN, nothing runs), the session's READ access mode makes the
// server refuse writes anyway, and file access (LOAD CSV) and procedures outside `db.*` are refused up front.
// Each run has its own timeout and a row cap.
import { AppError, forbidden, invalidInput } from '../../domain/errors.ts';
import type { Principal } from '../../domain/principal.ts';
import type { ConsoleCypherStore, CypherFileText } from '../../storage/console-cypher-store.ts';
import { authorize } from '../access/permissions.ts';

export const CYPHER_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_ROWS = 200;
export const MAX_ROWS = 1000;
const MAX_QUERY_CHARS = 20_000;

export type FileKind = 'read' | 'write' | 'schema';
export interface CypherFileInfo extends CypherFileText { readonly kind: FileKind }

export interface RunArgs {
  readonly file?: string | null;
  readonly query?: string | null;
  readonly params?: readonly { name: string; literal: string }[] | null;
  readonly maxRows?: number | null;
}

export interface RunResult {
  readonly columns: string[];
  readonly rows: unknown[][];
  readonly truncated: boolean;
  readonly maxRows: number;
  readonly elapsedMs: number;
  readonly queryType: 'r';
}

// Comments and strings are not parsed: a refusal on a commented-out LOAD CSV is the safe side.
const LOAD_CSV = /\bLOAD\s+CSV\b/i;
const NON_DB_PROCEDURE = /\bCALL\s+(?!db\.)[A-Za-z_][\w.]*\s*\(/i;

export class CypherRunner {
  constructor(private readonly store: ConsoleCypherStore, private readonly timeoutMs = CYPHER_TIMEOUT_MS) {}

  /** The library with each file's kind (fileKind). */
  files(p: Principal): CypherFileInfo[] {
    authorize(p, 'cypher:read');
    return this.store.files().map((f) => ({ ...f, kind: fileKind(f.name, f.text) }));
  }

  async run(p: Principal, args: RunArgs): Promise<RunResult> {
    authorize(p, 'cypher:read');
    const maxRows = args.maxRows ?? DEFAULT_MAX_ROWS;
    if (!Number.isInteger(maxRows) || maxRows < 1 || maxRows > MAX_ROWS) throw invalidInput(`maxRows must be 1..${MAX_ROWS}`, { field: 'maxRows' });
    const hasFile = args.file !== undefined && args.file !== null;
    const hasQuery = args.query !== undefined && args.query !== null && args.query.trim() !== '';
    if (hasFile === hasQuery) throw invalidInput('give exactly one of file and query', { field: hasFile ? 'query' : 'file' });
    let text: string;
    let literals = new Map<string, string>();
    if (hasFile) {
      const file = this.store.files().find((f) => f.name === args.file);
      if (file === undefined) throw invalidInput(`no file cypher/${String(args.file)}.cypher`, { field: 'file' });
      text = file.text;
      literals = new Map(file.params.map((x) => [x.name, x.literal]));
    } else {
      text = String(args.query);
      if (text.length > MAX_QUERY_CHARS) throw invalidInput(`the query is longer than ${MAX_QUERY_CHARS} characters`, { field: 'query' });
    }
    for (const x of args.params ?? []) {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(x.name)) throw invalidInput(`bad parameter name '${x.name}'`, { field: 'params' });
      literals.set(x.name, x.literal);
    }
    const entries = [...literals].map(([name, literal]) => ({ name, literal }));
    for (const e of entries) await this.requireRead(`RETURN ${e.literal} AS v`, `params.${e.name}`);
    await this.requireRead(text, hasFile ? 'file' : 'query');
    const started = performance.now();
    const params = await this.store.evaluate(entries, this.timeoutMs);
    const res = await this.store.run(text, params, { timeoutMs: this.timeoutMs, maxRows });
    return { ...res, maxRows, elapsedMs: Math.round((performance.now() - started) * 10) / 10, queryType: 'r' };
  }

  /** Refuses anything the planner does not call a plain read, and file or procedure access. */
  private async requireRead(text: string, field: string): Promise<void> {
    if (LOAD_CSV.test(text)) throw forbidden('LOAD CSV is refused: the console reads the graph only', { field });
    if (NON_DB_PROCEDURE.test(text)) throw forbidden('only db.* procedures may be called from the console', { field });
    let type: string;
    try {
      type = await this.store.statementType(text);
    } catch (err) {
      if (err instanceof AppError) throw err;
      const message = String((err as { message?: unknown }).message ?? err).split('\n')[0] ?? '';
      throw invalidInput(message, { field });
    }
    if (type !== 'r') throw forbidden(`writes are refused: the console runs read-only queries (this statement is ${type === 's' ? 'a schema change' : 'a write'})`, { field });
  }

}

const WRITE_CLAUSE = /\b(CREATE|MERGE|SET|DELETE|REMOVE|DROP|FOREACH)\b|\bLOAD\s+CSV\b|\bIN\s+TRANSACTIONS\b/i;

/**
 * What the listing says a file is, from its text (comments skipped): `schema` under cypher/schema/, `write` when
 * a write clause appears, else `read`. Only a hint for the console's list: a run is checked by the planner.
 * (EXPLAIN-ing the whole library took tens of seconds on a loaded machine; a text scan is instant.)
 */
export function fileKind(name: string, text: string): FileKind {
  if (name.startsWith('schema/')) return 'schema';
  const code = text.split('\n').filter((l) => !l.trim().startsWith('//')).join('\n');
  return WRITE_CLAUSE.test(code) ? 'write' : 'read';
}
