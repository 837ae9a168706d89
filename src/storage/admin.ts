import { cypher } from './cypher-files.ts';
import type { Executor } from './executor.ts';

export type GraphCounts = Readonly<Record<string, number>>;

/** Counts by label and relationship type (cypher/admin/counts.cypher). */
export async function graphCounts(executor: Executor): Promise<GraphCounts> {
  const rows = await executor.read(cypher('admin/counts'));
  return Object.fromEntries(rows.map((r) => [String(r['name']), Number(r['n'])]));
}

/** Deletes all data, keeps constraints and indexes (cypher/admin/wipe.cypher). */
export async function wipeGraph(executor: Executor): Promise<void> {
  await executor.autoCommit(cypher('admin/wipe'));
}

/** True when the store holds no node but SchemaMigration bookkeeping (cypher/admin/store-empty.cypher). */
export async function storeIsEmpty(executor: Executor): Promise<boolean> {
  const rows = await executor.read(cypher('admin/store-empty'));
  return rows[0]?.['empty'] === true;
}
