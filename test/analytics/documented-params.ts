// Runs a cypher/ file the way an analyst does in Browser or cypher-shell: the file's text as is, with the
// parameters its header documents (`// :param name => <Cypher expression>`), each evaluated by Neo4j.
import { cypher } from '../../src/storage/cypher-files.ts';
import { documentedParams as paramLines } from '../../src/storage/cypher-params.ts';
import type { Executor, Params, Row } from '../../src/storage/executor.ts';

export function documentedParamLines(name: string): { name: string; literal: string }[] {
  return paramLines(cypher(name));
}

/** The documented parameters, evaluated by the database exactly as `:param` would. */
export async function documentedParams(executor: Executor, name: string): Promise<Params> {
  const lines = documentedParamLines(name);
  const [row] = await executor.read(`RETURN {${lines.map((p) => `${p.name}: ${p.literal}`).join(', ')}} AS p`);
  return (row?.['p'] ?? {}) as Params;
}

/** The file with its documented parameters, some overridden (as an analyst edits a `:param`). */
export async function runAsAnalyst(executor: Executor, name: string, overrides: Params = {}): Promise<Row[]> {
  const params = { ...(await documentedParams(executor, name)), ...overrides };
  return executor.read(cypher(name), params);
}
