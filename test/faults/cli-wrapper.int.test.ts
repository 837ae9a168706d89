// `grec` must not leave an orphan behind when it is SIGKILLed (issue 7, section 5): the CLI runs inside the
// wrapper process (no child CLI), and the embedded JVM, its only child, exits when the wrapper's pipe closes,
// releasing the store lock. Temp store, port 0; everything killed and deleted in afterAll. A load into an empty
// store runs the bulk importer and starts no server, so the store is filled once first: the load under test
// then takes the batched path, with the embedded JVM running.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Children, commandOf, descendants, isAlive, waitUntil } from '../support/child-process.ts';

describe('bin/grec.js under SIGKILL', () => {
  const children = new Children();
  let store = '';
  afterAll(() => {
    children.killAll([store]);
    if (store !== '') rmSync(store, { recursive: true, force: true });
  });

  it('runs the loader in its own process; killing it leaves no process behind', async () => {
    store = mkdtempSync(join(tmpdir(), 'grec-fault-cli-'));
    const first = children.spawnNode('bin/grec.js', ['load', 'demo', '--preset', 'tiny'], { GREC_STORE_DIR: store, GREC_NEO4J_PORT: '0' });
    expect((await first.exited).code).toBe(0);
    const cli = children.spawnNode('bin/grec.js', ['load', 'demo', '--preset', 'tiny', '--batch-size', '50'], { GREC_STORE_DIR: store, GREC_NEO4J_PORT: '0' });
    const ready = await cli.waitFor(/embedded Neo4j \S+ \(pid (\d+)\) ready/, 240_000);
    const jvm = Number(ready[1]);
    const tree = descendants(cli.pid);
    // The only process below the wrapper is the JVM: the CLI itself is not a separate node child.
    expect(tree).toEqual([jvm]);
    expect(commandOf(jvm)).toMatch(/java .*dev\.grec\.neo4j\.LocalNeo4j/);
    expect(commandOf(cli.pid)).toMatch(/bin\/grec\.js load demo/);

    cli.proc.kill('SIGKILL');
    expect((await cli.exited).signal).toBe('SIGKILL');
    await waitUntil('the JVM has exited (its stdin pipe closed)', () => !isAlive(jvm), 120_000, 200);
    for (const pid of tree) expect(isAlive(pid)).toBe(false);
  }, 300_000);
});
