// Searches for a string where a process or a store could still hold it.
import type { Executor } from '../../src/storage/executor.ts';

/**
 * Every path inside an object graph (objects, arrays, Maps and Sets, private fields included: TypeScript's
 * `private` is not enforced at run time) where a string or a key contains `needle`. Promises cannot be
 * looked into synchronously: they are reported as paths ending in `<promise>` so a test can resolve them.
 */
export function findInProcess(root: unknown, needle: string): string[] {
  const hits: string[] = [];
  const seen = new Set<unknown>();
  const walk = (v: unknown, path: string): void => {
    if (typeof v === 'string') {
      if (v.includes(needle)) hits.push(path);
      return;
    }
    if (v === null || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (ArrayBuffer.isView(v)) return; // numbers only
    if (v instanceof Promise) {
      hits.push(`${path}<promise>`);
      return;
    }
    if (v instanceof Map) {
      for (const [k, x] of v) {
        walk(k, `${path}{key}`);
        walk(x, `${path}[${String(k).slice(0, 40)}]`);
      }
      return;
    }
    if (v instanceof Set || Array.isArray(v)) {
      let i = 0;
      for (const x of v) walk(x, `${path}[${i++}]`);
      return;
    }
    for (const [k, x] of Object.entries(v)) {
      if (k.includes(needle)) hits.push(`${path}.${k}{key}`);
      walk(x, `${path}.${k}`);
    }
  };
  walk(root, '$');
  return hits;
}

/** Nodes and relationships with a property (a string, or a list holding one) containing `needle`. */
export async function findInStore(executor: Executor, needle: string): Promise<string[]> {
  const rows = await executor.read(
    `CALL () {
       MATCH (n) UNWIND keys(n) AS k WITH labels(n)[0] AS what, k, n[k] AS v RETURN what, k, v
       UNION ALL
       MATCH ()-[r]->() UNWIND keys(r) AS k WITH type(r) AS what, k, r[k] AS v RETURN what, k, v
     }
     WITH what, k, v
     WHERE (v IS :: STRING AND v CONTAINS $needle)
        OR (v IS :: LIST<ANY> AND any(x IN v WHERE x IS :: STRING AND x CONTAINS $needle))
     RETURN what + '.' + k AS hit`,
    { needle },
  );
  return rows.map((r) => String(r['hit']));
}
