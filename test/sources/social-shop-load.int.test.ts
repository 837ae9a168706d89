// The generated social shop as a new user meets it: `grec generate social-shop --preset tiny` writes the
// generic-format files, `grec load generic --dir` loads them (both as child processes, as an operator runs
// them) into the test run's Neo4j; every row is written, none rejected, and the graph holds exactly the
// generated users, items, ratings and trust edges. A second load writes nothing.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestReport } from '../../src/usecases/ingest/ingest-report.ts';
import { graphCounts } from '../../src/storage/admin.ts';
import type { GraphConnection } from '../../src/storage/connect.ts';
import { grecCli } from '../support/cli.ts';
import { openTestGraph } from '../support/graph.ts';

describe('social shop through grec generate and grec load generic', () => {
  let graph: GraphConnection;
  const dir = join(mkdtempSync(join(tmpdir(), 'grec-social-shop-')), 'tiny');
  beforeAll(async () => { graph = await openTestGraph(); });
  afterAll(async () => { await graph.close(); });

  it('loads the tiny preset with no rejection and stores what was generated', async () => {
    const gen = await grecCli('generate', 'social-shop', '--preset', 'tiny', '--out', dir);
    expect(gen.stdout.trim()).toBe(`wrote users.csv 60, items.csv 300, interactions.csv 492, social.csv 231 rows to ${dir}`);
    const report = JSON.parse((await grecCli('load', 'generic', '--dir', dir, '--json')).stdout) as IngestReport;
    expect(report.rowsRead).toBe(1083);
    expect(report.rejected).toBe(0);
    expect(report.bareNodes).toEqual({ users: 0, items: 0 });
    expect(report.kinds).toEqual({
      user: { read: 60, written: 60, duplicates: 0 },
      item: { read: 300, written: 300, duplicates: 0 },
      event: { read: 492, written: 492, duplicates: 0 },
      social: { read: 231, written: 231, duplicates: 0 },
    });
    const counts = await graphCounts(graph.executor);
    expect(counts).toMatchObject({ User: 60, Item: 300, Event: 492, INTERACTED: 492, FOLLOWS: 231, Category: 4 });
    // A rating r weighs r - 2 on its INTERACTED edge: the sum over the tiny shop's 492 ratings (2, 33, 82, 163, 212 of 1..5 stars).
    const w = await graph.executor.read('MATCH (:User)-[r:INTERACTED]->(:Item) RETURN sum(r.weight) AS w, sum(r.ratings) AS n', {});
    expect(Number(w[0]?.['w'])).toBe(2 * -1 + 33 * 0 + 82 * 1 + 163 * 2 + 212 * 3);
    expect(Number(w[0]?.['n'])).toBe(492);
  }, 300_000);

  it('writes nothing on a second load', async () => {
    const report = JSON.parse((await grecCli('load', 'generic', '--dir', dir, '--json')).stdout) as IngestReport;
    expect(Object.values(report.kinds).reduce((s, k) => s + k.written, 0)).toBe(0);
    expect(report.kinds.event).toEqual({ read: 492, written: 0, duplicates: 492 });
  }, 300_000);
});
