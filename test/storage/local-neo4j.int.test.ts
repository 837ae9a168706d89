import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig, PROJECT_ROOT } from '../../src/config.ts';
import { ensureBuilt, moduleLayout } from '../../src/storage/local-neo4j/build.ts';
import { startLocalNeo4j } from '../../src/storage/local-neo4j/launcher.ts';

const cfg = loadConfig().neo4j.local;
const dirs: string[] = [];
const tmp = (prefix: string): string => {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const base = { moduleDir: cfg.moduleDir, heap: '512m', pageCache: '64m', javaBin: cfg.javaBin, log: () => {} };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('embedded Neo4j launcher: failures are clear', () => {
  it('refuses a Java that is too old, naming the version', () => {
    const fake = join(tmp('grec-fake-java-'), 'java');
    writeFileSync(fake, '#!/bin/sh\necho \'openjdk version "11.0.2" 2019-01-15\' >&2\n');
    chmodSync(fake, 0o755);
    expect(() => ensureBuilt(moduleLayout(cfg.moduleDir), fake, () => {})).toThrow(/Java 11 is too old: Neo4j 5.26 needs Java 17 or 21/);
  });

  it('reports a missing Java', () => {
    expect(() => ensureBuilt(moduleLayout(cfg.moduleDir), '/nonexistent/java', () => {})).toThrow(/Java not found/);
  });

  it('reports a Bolt port that is already taken', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as AddressInfo).port;
    try {
      await expect(startLocalNeo4j({ ...base, homeDir: tmp('grec-port-'), port })).rejects.toThrow(new RegExp(`port ${port} is already in use`));
    } finally {
      blocker.close();
    }
  }, 180_000);

  it('reports a store locked by another instance, and the first one keeps serving', async () => {
    const home = tmp('grec-lock-');
    const first = await startLocalNeo4j({ ...base, homeDir: home, port: 0 });
    try {
      await expect(startLocalNeo4j({ ...base, homeDir: home, port: 0 })).rejects.toThrow(/store is locked/);
      expect(isAlive(first.pid)).toBe(true);
    } finally {
      await first.stop();
    }
    expect(isAlive(first.pid)).toBe(false);
  }, 300_000);
});

describe('embedded Neo4j launcher: lifecycle', () => {
  it('dies with its parent: killing the Node process (SIGKILL) leaves no JVM holding the store', async () => {
    const home = tmp('grec-orphan-');
    const script = join(tmp('grec-orphan-script-'), 'start.mts'); // .mts: ESM (top-level await) outside the package
    writeFileSync(script, [
      `import { startLocalNeo4j } from ${JSON.stringify(join(PROJECT_ROOT, 'src/storage/local-neo4j/launcher.ts'))};`,
      `const n = await startLocalNeo4j(${JSON.stringify({ ...base, log: undefined, homeDir: home, port: 0 })});`,
      'console.log(JSON.stringify({ pid: n.pid }));',
      'setInterval(() => {}, 1000);',
    ].join('\n'));
    const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    const jvmPid = await new Promise<number>((resolve, reject) => {
      child.stdout.on('data', (b: Buffer) => {
        const m = /"pid":(\d+)/.exec(b.toString());
        if (m) resolve(Number(m[1]));
      });
      child.once('exit', (code) => reject(new Error(`parent exited early (${code})`)));
    });
    expect(isAlive(jvmPid)).toBe(true);
    child.kill('SIGKILL');
    const deadline = Date.now() + 30_000;
    while (isAlive(jvmPid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    expect(isAlive(jvmPid)).toBe(false);
    // and the store is free again: a new instance starts on it
    const again = await startLocalNeo4j({ ...base, homeDir: home, port: 0 });
    await again.stop();
  }, 300_000);

  it('is not rebuilt when up to date (the build is skipped)', () => {
    const before = execFileSync('stat', ['-c', '%Y', join(PROJECT_ROOT, 'neo4j-local/target/classes/dev/grec/neo4j/LocalNeo4j.class')]).toString();
    ensureBuilt(moduleLayout(cfg.moduleDir), cfg.javaBin, () => { throw new Error('should not build'); });
    const after = execFileSync('stat', ['-c', '%Y', join(PROJECT_ROOT, 'neo4j-local/target/classes/dev/grec/neo4j/LocalNeo4j.class')]).toString();
    expect(after).toBe(before);
  });
});
