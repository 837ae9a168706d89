import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../domain/errors.ts';
import { ensureBuilt, moduleLayout } from '../local-neo4j/build.ts';
import type { ImportFiles } from './import-files.ts';

export interface BulkImportOptions {
  /** The Maven module directory (neo4j-local/): the importer is `org.neo4j.cli.AdminTool` from its jars. */
  readonly moduleDir: string;
  /** The embedded store's home (GREC_STORE_DIR); no Neo4j may be running on it. */
  readonly homeDir: string;
  readonly javaBin: string;
  readonly heap: string;
  readonly log: (msg: string) => void;
}

/**
 * Runs `neo4j-admin database import full neo4j` (the AdminTool class of neo4j-local's jars, no Neo4j
 * distribution needed) on the embedded store, replacing its `neo4j` database. The store must be offline.
 * A throwaway conf dir keeps the importer from reading or writing anything else.
 */
export async function runBulkImport(input: ImportFiles, opts: BulkImportOptions): Promise<void> {
  const layout = moduleLayout(opts.moduleDir);
  ensureBuilt(layout, opts.javaBin, opts.log);
  mkdirSync(opts.homeDir, { recursive: true });
  const conf = mkdtempSync(join(tmpdir(), 'grec-import-conf-'));
  writeFileSync(join(conf, 'neo4j.conf'), 'db.tx_log.preallocate=false\n');
  const args = [
    `-Xmx${opts.heap}`, '-cp', layout.classpath, 'org.neo4j.cli.AdminTool',
    'database', 'import', 'full', 'neo4j',
    '--overwrite-destination=true', `--multiline-fields=${input.multiline}`,
    ...input.files.map((f) => `--${f.kind}=${f.name}=${f.path}`),
  ];
  try {
    const { code, tail } = await new Promise<{ code: number | null; tail: string }>((resolve, reject) => {
      const child = spawn(opts.javaBin, args, {
        env: { ...process.env, NEO4J_HOME: opts.homeDir, NEO4J_CONF: conf },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      const keep = (chunk: Buffer): void => {
        out = (out + chunk.toString('utf8')).slice(-8000);
      };
      child.stdout.on('data', keep);
      child.stderr.on('data', keep);
      child.once('error', (err) => reject(new AppError('UNAVAILABLE', `could not start Java for the bulk import: ${err.message}`)));
      child.once('exit', (c) => resolve({ code: c, tail: out }));
    });
    if (code !== 0) throw new AppError('UNAVAILABLE', `neo4j-admin database import failed (exit ${code}):\n${tail.slice(-4000)}`);
    const summary = /IMPORT DONE[\s\S]*/.exec(tail)?.[0].replace(/\s+/g, ' ').trim();
    opts.log(`bulk import: ${summary ?? 'done'}`);
  } finally {
    rmSync(conf, { recursive: true, force: true });
  }
}
