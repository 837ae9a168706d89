import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../config.ts';

/** The cypher/ folder: every query the API runs lives there as a readable, parameterized file. */
export const CYPHER_DIR = join(PROJECT_ROOT, 'cypher');

const cache = new Map<string, string>();
const names = new Map<string, string>();

/**
 * The text of `cypher/<name>.cypher`, comments kept (Neo4j ignores them). Read once and cached:
 * the analysts' file and the API's query are the same bytes.
 */
export function cypher(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(join(CYPHER_DIR, `${name}.cypher`), 'utf8').trim();
    cache.set(name, text);
    names.set(text, name);
  }
  return text;
}

/** The file name a text returned by `cypher()` came from (labels query timings without any value in them). */
export function cypherFileName(text: string): string | undefined {
  return names.get(text);
}

/** Splits a schema file into statements (`;` at line end; schema files hold no string literals with `;`). */
export function splitStatements(text: string): string[] {
  return text
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.split('\n').filter((l) => !l.trim().startsWith('//')).join('\n').trim())
    .filter((s) => s.length > 0);
}

/** Every `.cypher` file under cypher/ (relative names without extension), for the EXPLAIN test. */
export function listCypherFiles(dir = CYPHER_DIR, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) out.push(...listCypherFiles(join(dir, entry.name), `${prefix}${entry.name}/`));
    else if (entry.name.endsWith('.cypher')) out.push(`${prefix}${entry.name.slice(0, -'.cypher'.length)}`);
  }
  return out.sort();
}
