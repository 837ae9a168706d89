import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { inject } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.ts';

const run = promisify(execFile);

/** `grec <args>` as an operator runs it (a child process through tsx), against the test run's Neo4j. */
export function grecCli(...args: string[]): Promise<{ stdout: string; stderr: string }> {
  return run(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'src', 'cli', 'main.ts'), ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, NEO4J_URI: inject('neo4jUri') },
  });
}
