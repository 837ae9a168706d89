import { join } from 'node:path';
import type { Config } from '../config.ts';
import { invalidInput } from '../domain/errors.ts';
import type { DataSource } from '../domain/ingest.ts';
import { createSource, demoPreset, DEMO_PRESETS, type ColumnMapping, type DemoPreset } from '../sources/index.ts';

export interface LoadArgs {
  readonly preset?: string;
  readonly seed?: string;
  readonly events?: string;
  readonly users?: string;
  readonly items?: string;
  readonly dir?: string;
  readonly file?: string;
  readonly map?: readonly string[];
}

/** Turns `grec load <dataset>` arguments into a DataSource; dataset paths default under GREC_DATA_DIR. */
export function sourceFromArgs(dataset: string, args: LoadArgs, config: Config): DataSource {
  switch (dataset) {
    case 'demo': {
      const preset = (args.preset ?? config.demoPreset) as DemoPreset;
      if (!(preset in DEMO_PRESETS)) throw invalidInput(`unknown demo preset '${preset}' (one of ${Object.keys(DEMO_PRESETS).join(', ')})`);
      return createSource('demo', demoPreset(preset, {
        ...(args.seed !== undefined ? { seed: int('--seed', args.seed) } : {}),
        ...(args.events !== undefined ? { eventsTarget: int('--events', args.events) } : {}),
        ...(args.users !== undefined ? { users: int('--users', args.users) } : {}),
        ...(args.items !== undefined ? { items: int('--items', args.items) } : {}),
      }));
    }
    case 'lastfm':
      return createSource('lastfm', { dir: args.dir ?? join(config.dataDir, 'lastfm-hetrec-2k') });
    case 'taobao':
      return createSource('taobao', { file: args.file ?? join(config.dataDir, 'taobao-userbehavior', 'UserBehavior_prefix_814users.csv') });
    case 'generic': {
      if (args.dir === undefined) throw invalidInput('generic needs --dir <folder with users/items/interactions/social .csv|.tsv|.jsonl>');
      return createSource('generic', { dir: args.dir, columns: parseMapping(args.map ?? []) });
    }
    default:
      throw invalidInput(`unknown dataset '${dataset}' (one of demo, lastfm, taobao, generic)`);
  }
}

function int(flag: string, v: string): number {
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n < 0) throw invalidInput(`${flag} must be a non-negative integer, got '${v}'`);
  return n;
}

/** `--map interactions.userId=customer` (repeatable): canonical column -> the file's column. */
export function parseMapping(entries: readonly string[]): ColumnMapping {
  const out: Record<string, Record<string, string>> = {};
  for (const e of entries) {
    const m = /^(users|items|interactions|social)\.([A-Za-z]+)=(.+)$/.exec(e);
    if (m === null) throw invalidInput(`--map expects <table>.<column>=<file column>, got '${e}'`);
    const [, table, column, fileColumn] = m as unknown as [string, string, string, string];
    (out[table] ??= {})[column] = fileColumn;
  }
  return out as ColumnMapping;
}
