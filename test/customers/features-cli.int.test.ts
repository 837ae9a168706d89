// `grec features` as an operator runs it, against the test run's Neo4j: the hand-made shop's profiles
// are written (the same numbers the use case gives), RFM segments exist, a clustering is saved, and bad
// options are refused with the option named.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grecCli } from '../support/cli.ts';
import type { GraphConnection } from '../../src/storage/connect.ts';
import { GraphWriter } from '../../src/storage/graph-writer.ts';
import { ProfileStore } from '../../src/storage/profile-store.ts';
import { SegmentStore } from '../../src/storage/segment-store.ts';
import { openTestGraph } from '../support/graph.ts';
import { AS_OF, writeHandShop } from './hand-shop.ts';

describe('grec features (CLI)', () => {
  let graph: GraphConnection;
  const grec = grecCli;

  beforeAll(async () => {
    graph = await openTestGraph();
    await writeHandShop(new GraphWriter(graph.executor));
  });
  afterAll(async () => graph.close());

  it('writes every profile, refreshes the RFM segments and saves a clustering; --json reports it', async () => {
    const { stdout } = await grec('features', '--cluster', '--min-k', '2', '--max-k', '2', '--json');
    const report = JSON.parse(stdout) as {
      profiles: { users: number; profiled: number; cleared: number; asOf: number; valueModel: { bgNbd: unknown } };
      segments: { id: string; size: number }[];
      clustering: { k: number; clusters: { id: string; size: number }[] } | null;
    };
    expect(report.profiles).toMatchObject({ users: 3, profiled: 3, cleared: 0, asOf: AS_OF, valueModel: { bgNbd: null } }); // 2 buyers: too few to fit
    expect(report.segments.map((s) => s.id)).toContain('rfm-champions');
    expect(report.segments.reduce((a, s) => a + s.size, 0)).toBe(2); // each buyer in exactly one RFM segment
    expect(report.clustering?.k).toBe(2);
    expect(report.clustering?.clusters.reduce((a, c) => a + c.size, 0)).toBe(3);

    const [u1] = await new ProfileStore(graph.executor).profiles(['u1']);
    expect(u1?.computed).toMatchObject({ sessions: 2, meanSessionMinutes: 12.5, favouriteHour: 10, asOf: AS_OF });
    expect(u1?.counters).toMatchObject({ views: 2, carts: 1, purchases: 2, monetary: 45 });
    const clusters = (await new SegmentStore(graph.executor).list()).filter((s) => s.kind === 'CLUSTER');
    expect(clusters.map((c) => c.id)).toEqual(['cluster-1', 'cluster-2']);
    expect(clusters[0]!.description).not.toBe('');
  }, 120_000);

  it('explains its options and refuses bad ones, naming the option', async () => {
    const help = await grec('features', '--help');
    expect(help.stdout).toMatch(/--as-of <time>/);
    expect(help.stdout).toMatch(/--cluster/);
    await expect(grec('features', '--as-of', 'yesterday')).rejects.toMatchObject({ stderr: expect.stringMatching(/--as-of must be an ISO-8601 time/) });
    await expect(grec('features', '--batch-size', '0')).rejects.toMatchObject({ stderr: expect.stringMatching(/--batch-size must be a number >= 1/) });
  }, 120_000);
});
