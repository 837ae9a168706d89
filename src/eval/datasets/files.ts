import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export class DatasetMissingError extends Error {
  constructor(path: string) {
    super(`data set file not found: ${path}\n  Pass --data-dir <dir> or set GREC_DATA_DIR (default ../shared/data, relative to the current directory).`);
    this.name = 'DatasetMissingError';
  }
}

/** Reads a data file or throws DatasetMissingError naming the path and how to point at the data. */
export function readDataFile(dir: string, name: string, encoding: BufferEncoding = 'utf8'): string {
  const p = join(dir, name);
  if (!existsSync(p)) throw new DatasetMissingError(p);
  return readFileSync(p, encoding);
}

/** Tab- or comma-separated lines, optionally skipping a header; empty lines dropped. */
export function splitLines(text: string, sep: string, header: boolean): string[][] {
  const lines = text.split(/\r?\n/);
  const out: string[][] = [];
  for (let i = header ? 1 : 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.length > 0) out.push(l.split(sep));
  }
  return out;
}
