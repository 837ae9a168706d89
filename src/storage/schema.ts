import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CYPHER_DIR, splitStatements } from './cypher-files.ts';
import type { Executor } from './executor.ts';

export interface AppliedSchema {
  readonly files: readonly string[];
  readonly statements: number;
}

/**
 * Applies cypher/schema/*.cypher in file-name order. Every statement is `IF NOT EXISTS`, so this is
 * idempotent and runs at every start-up; each file is recorded as a (:SchemaMigration) node with its checksum
 * so `grec schema` can show what the store has. Schema statements run outside data transactions.
 */
export async function applySchema(executor: Executor): Promise<AppliedSchema> {
  const dir = join(CYPHER_DIR, 'schema');
  const files = readdirSync(dir).filter((f) => f.endsWith('.cypher')).sort();
  let statements = 0;
  for (const file of files) {
    const text = readFileSync(join(dir, file), 'utf8');
    for (const stmt of splitStatements(text)) {
      await executor.autoCommit(stmt);
      statements++;
    }
    const checksum = createHash('sha256').update(text).digest('hex').slice(0, 16);
    await executor.write(
      'MERGE (m:SchemaMigration {name: $name}) ON CREATE SET m.appliedAt = timestamp() SET m.checksum = $checksum',
      { name: file, checksum },
    );
  }
  await executor.autoCommit('CALL db.awaitIndexes(300)');
  return { files, statements };
}
