import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Where the shared research data sets live: `$GREC_DATA_DIR`, else `../shared/data` from the repo root.
 * They are never copied into the repository, so tests that need them skip when they are absent.
 */
export function sharedDataPath(...parts: string[]): string {
  const root = process.env['GREC_DATA_DIR'] ?? resolve(process.cwd(), '../shared/data');
  return resolve(root, ...parts);
}

/** True when the path exists; otherwise logs why the dependent tests are skipped. */
export function dataAvailable(path: string, what: string): boolean {
  if (existsSync(path)) return true;
  console.warn(`[skip] ${what} not found at ${path}; set GREC_DATA_DIR to the shared data folder to run these tests.`);
  return false;
}
