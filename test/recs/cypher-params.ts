// Reads the `// :param name => value` lines of a cypher file the way an analyst pastes them into Neo4j
// Browser (`:param name => value`). Values are Cypher literals: numbers, 'strings', booleans, null, lists.
import { cypher } from '../../src/storage/cypher-files.ts';

export function documentedParams(name: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const line of cypher(name).split('\n')) {
    const m = /^\/\/ :param (\w+) => (.+)$/.exec(line.trim());
    if (m === null) continue;
    out[m[1]!] = JSON.parse(m[2]!.replace(/'/g, '"').replace(/([{,]\s*)(\w+):/g, '$1"$2":'));
  }
  return out;
}
