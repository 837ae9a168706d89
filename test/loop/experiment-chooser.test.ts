// The variant chooser's reads, counted (the dataloader style): once warm, a choice makes no read at all; an
// expired cache is served while one background read replaces it; create/stop (invalidate) re-read at once.
// The stores are in-memory recorders of the storage interfaces; the real queries run in experiments.api.test.ts.
import { describe, expect, it } from 'vitest';
import { assignVariant } from '../../src/algorithms/experiments/assignment/assign-variant.ts';
import { asUserId } from '../../src/domain/ids.ts';
import type { Experiment } from '../../src/domain/loop.ts';
import { ExperimentChooser } from '../../src/usecases/loop/experiment-chooser.ts';

const NOW = Date.UTC(2026, 0, 10);
const experiment = (patch: Partial<Experiment> = {}): Experiment => ({
  key: 'x', name: null, surface: 'recommendations', coverage: 1, audienceSegmentId: null, startAt: NOW - 1000, stopAt: null,
  seed: 'x', hashVersion: 2, createdAt: NOW - 1000, stoppedAt: null,
  variants: [{ key: 'a', weight: 0.5, strategy: 'POPULAR', hybridWeights: null }, { key: 'b', weight: 0.5, strategy: 'GRAPH', hybridWeights: null }],
  ...patch,
});

function setup(experiments: Experiment[], members: string[] = []) {
  const reads = { open: 0, members: 0 };
  const logged: string[] = [];
  let clock = NOW;
  const store = { open: async () => { reads.open++; return experiments.map((e) => ({ ...e, plan: { usersPerVariant: 1, baselineConversionRate: 0.5, orderValueMean: 1, orderValueMeanSq: 1 } })); } };
  const segments = {
    members: async (_id: string, after: string, first: number) => {
      reads.members++;
      return [...members].sort().filter((m) => m > after).slice(0, first);
    },
  };
  const log = { record: (key: string, user: string, variant: string) => { logged.push(`${key}|${user}|${variant}`); } };
  const chooser = new ExperimentChooser(store, segments, log, () => clock, { experimentTtlMs: 10_000, audienceTtlMs: 30_000, audiencePage: 2 });
  return { chooser, reads, logged, tick: (ms: number) => { clock += ms; } };
}

const def = { key: 'x', variants: ['a', 'b'], weights: [0.5, 0.5], coverage: 1, seed: 'x', hashVersion: 2 as const };

describe('ExperimentChooser', () => {
  it('assigns as GrowthBook does and logs each choice; one read serves every later choice', async () => {
    const { chooser, reads, logged } = setup([experiment()]);
    for (let k = 0; k < 50; k++) {
      const u = `u${k}`;
      const choice = await chooser.choose(asUserId(u));
      expect(choice?.experimentKey).toBe('x');
      expect(choice?.variant.key).toBe(assignVariant(def, u).variant);
    }
    expect(reads.open).toBe(1);
    expect(logged).toHaveLength(50);
  });

  it('a preview (assign = false) makes the same choice and logs nothing', async () => {
    const { chooser, logged } = setup([experiment()]);
    for (const u of ['u1', 'u2', 'u3']) {
      expect((await chooser.choose(asUserId(u), false))?.variant.key).toBe(assignVariant(def, u).variant);
    }
    expect(logged).toEqual([]);
    await chooser.choose(asUserId('u2'));
    expect(logged).toEqual([`x|u2|${assignVariant(def, 'u2').variant}`]);
  });

    it('concurrent first choices share one read; warm() makes it before any request', async () => {
    const { chooser, reads } = setup([experiment()]);
    void chooser.warm();
    await Promise.all(['u1', 'u2', 'u3'].map((u) => chooser.choose(asUserId(u))));
    expect(reads.open).toBe(1);
  });

  it('after the TTL the stale experiment is served while one background read replaces it', async () => {
    const { chooser, reads, tick } = setup([experiment()]);
    await chooser.choose(asUserId('u1'));
    tick(10_001);
    expect(await chooser.choose(asUserId('u1'))).not.toBeNull();
    await chooser.choose(asUserId('u2'));
    expect(reads.open).toBe(2);
  });

  it('invalidate (create/stop in this process) reads again at once', async () => {
    const experiments = [experiment()];
    const { chooser, reads } = setup(experiments);
    expect(await chooser.choose(asUserId('u1'))).not.toBeNull();
    experiments.length = 0;
    chooser.invalidate();
    expect(await chooser.choose(asUserId('u1'))).toBeNull();
    expect(reads.open).toBe(2);
  });

  it('serves only inside [startAt, stopAt), judged at each choice', async () => {
    const { chooser, tick, logged } = setup([experiment({ startAt: NOW + 1000, stopAt: NOW + 5000 })]);
    expect(await chooser.choose(asUserId('u1'))).toBeNull();
    tick(1000);
    expect(await chooser.choose(asUserId('u1'))).not.toBeNull();
    tick(4000);
    expect(await chooser.choose(asUserId('u1'))).toBeNull();
    expect(logged).toHaveLength(1);
  });

  it('coverage 0 enrols nobody, and logs nothing', async () => {
    const { chooser, logged } = setup([experiment({ coverage: 0 })]);
    expect(await chooser.choose(asUserId('u1'))).toBeNull();
    expect(logged).toEqual([]);
  });

  it('an audience: members only, read in pages once per TTL', async () => {
    const { chooser, reads, tick } = setup([experiment({ audienceSegmentId: 's' })], ['m1', 'm2', 'm3', 'm4', 'm5']);
    expect(await chooser.choose(asUserId('m5'))).not.toBeNull();
    expect(await chooser.choose(asUserId('u1'))).toBeNull();
    expect(reads.members).toBe(3); // pages of 2: [m1 m2] [m3 m4] [m5]
    tick(5_000);
    await chooser.choose(asUserId('m1'));
    expect(reads.members).toBe(3);
  });
});

describe('ExperimentChooser when the database fails', () => {
  it('serves without an experiment until a read succeeds; a cached experiment is kept through a failed refresh', async () => {
    let fail = true;
    let reads = 0;
    let clock = NOW;
    const store = {
      open: async () => {
        reads++;
        if (fail) throw new Error('database down');
        return [{ ...experiment(), plan: { usersPerVariant: 1, baselineConversionRate: 0.5, orderValueMean: 1, orderValueMeanSq: 1 } }];
      },
    };
    const chooser = new ExperimentChooser(store, { members: async () => [] }, { record: () => {} }, () => clock);
    expect(await chooser.choose(asUserId('u1'))).toBeNull();
    fail = false;
    expect(await chooser.choose(asUserId('u1'))).not.toBeNull();
    fail = true;
    clock += 60_000;
    expect(await chooser.choose(asUserId('u1'))).not.toBeNull(); // stale, while the refresh fails
    expect(await chooser.choose(asUserId('u1'))).not.toBeNull();
    expect(reads).toBe(4);
  });
});
