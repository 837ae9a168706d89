import neo4j, { isDate, isDateTime, isDuration, isLocalDateTime, isLocalTime, isNode, isPath, isPoint, isRelationship, isTime } from 'neo4j-driver';
import { cypher, listCypherFiles } from './cypher-files.ts';
import { documentedParams } from './cypher-params.ts';
import type { Executor } from './executor.ts';

/** A value of a result as JSON: nodes, relationships and paths keep their structure under a `~` key. */
export type ResultJson = null | boolean | number | string | ResultJson[] | { [key: string]: ResultJson };

export interface CypherFileText {
  readonly name: string;
  readonly text: string;
  readonly description: string;
  readonly params: readonly { readonly name: string; readonly literal: string }[];
}

/**
 * The console's Cypher runner at the storage edge: the library's files as text, what kind of statement a text
 * is (EXPLAIN: nothing runs), literal evaluation, and capped reads. Every statement runs with READ access.
 */
export class ConsoleCypherStore {
  constructor(private readonly executor: Executor) {}

  /** Every file of cypher/ with its leading comment (minus the `:param` lines) and documented parameters. */
  files(): CypherFileText[] {
    return listCypherFiles().map((name) => {
      const text = cypher(name);
      const header: string[] = [];
      for (const line of text.split('\n')) {
        const m = /^\s*\/\/\s?(.*)$/.exec(line);
        if (m === null) break;
        if (!/^\s*:param\s/.test(m[1] ?? '')) header.push((m[1] ?? '').trim());
      }
      return { name, text, description: header.join(' ').replace(/\s+/g, ' ').trim(), params: documentedParams(text) };
    });
  }

  /** 'r' read, 'rw' / 'w' writes, 's' schema; an unplannable text throws (the caller reports it). */
  statementType(text: string): Promise<'r' | 'rw' | 'w' | 's'> {
    return this.executor.statementType(text);
  }

  /**
   * Evaluates Cypher literals (`datetime('2024-01-01T00:00:00Z')`, `[1, 2]`, `{k: 'v'}`) as Neo4j Browser's
   * `:param` does, in one READ statement; the values come back as driver values, ready to be parameters.
   */
  async evaluate(literals: readonly { name: string; literal: string }[], timeoutMs: number): Promise<Record<string, unknown>> {
    if (literals.length === 0) return {};
    const text = `RETURN ${literals.map((l, i) => `${l.literal} AS p${i}`).join(', ')}`;
    const res = await this.executor.readCapped(text, {}, { timeoutMs, maxRows: 1 }, (v) => v);
    const row = res.rows[0] ?? [];
    return Object.fromEntries(literals.map((l, i) => [l.name, row[i] ?? null]));
  }

  run(text: string, params: Record<string, unknown>, opts: { timeoutMs: number; maxRows: number }) {
    return this.executor.readCapped(text, params, opts, toResultJson);
  }
}

/** Driver values -> JSON, keeping graph structure (for the console's graph view) and readable temporals. */
export function toResultJson(value: unknown): ResultJson {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) return neo4j.integer.inSafeRange(value) ? neo4j.integer.toNumber(value) : neo4j.integer.toString(value);
  if (typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(toResultJson);
  if (isNode(value)) return { '~node': { id: value.elementId, labels: [...value.labels], properties: propertiesJson(value.properties) } };
  if (isRelationship(value)) {
    return { '~rel': { id: value.elementId, type: value.type, start: value.startNodeElementId, end: value.endNodeElementId, properties: propertiesJson(value.properties) } };
  }
  if (isPath(value)) {
    return { '~path': { nodes: [value.start, ...value.segments.map((s) => s.end)].map(toResultJson), rels: value.segments.map((s) => toResultJson(s.relationship)) } };
  }
  if (isDate(value) || isDateTime(value) || isLocalDateTime(value) || isLocalTime(value) || isTime(value) || isDuration(value) || isPoint(value)) return String(value);
  if (typeof value === 'object') return propertiesJson(value as Record<string, unknown>);
  return String(value);
}

function propertiesJson(props: Record<string, unknown>): { [key: string]: ResultJson } {
  const out: { [key: string]: ResultJson } = {};
  for (const [k, v] of Object.entries(props)) out[k] = toResultJson(v);
  return out;
}
