/**
 * The `// :param name => <Cypher literal>` lines at the top of a cypher/ file: the same syntax Neo4j Browser
 * accepts, so an analyst can paste them; tests use them to EXPLAIN and run every file.
 */
export function documentedParams(text: string): { name: string; literal: string }[] {
  const out: { name: string; literal: string }[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s*\/\/\s*:param\s+([A-Za-z_][A-Za-z0-9_]*)\s*=>\s*(.+?)\s*$/.exec(line);
    if (m !== null) out.push({ name: m[1] as string, literal: m[2] as string });
  }
  return out;
}
