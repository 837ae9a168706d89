import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from './src/config.ts';
import { startLocalNeo4j } from './src/storage/local-neo4j/launcher.ts';
const cfg = loadConfig();
const storeDir = mkdtempSync('/tmp/s4-neo/store-');
const neo = await startLocalNeo4j({ moduleDir: cfg.neo4j.local.moduleDir, homeDir: storeDir, port: 0, heap: '1g', pageCache: '256m', javaBin: cfg.neo4j.local.javaBin, importDir: join(storeDir, 'import') });
console.log('URI', neo.boltUri);
setInterval(() => {}, 1 << 30);
