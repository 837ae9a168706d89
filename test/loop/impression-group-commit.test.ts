import { describe, expect, it } from 'vitest';
import type { ImpressionOutcome, ImpressionReport } from '../../src/storage/impression-store.ts';
import { ImpressionGroupCommit, type ImpressionWriter } from '../../src/usecases/loop/impression-group-commit.ts';
import { asItemId, asUserId } from '../../src/domain/ids.ts';

const report = (recId: string): ImpressionReport => ({
  recId, userId: asUserId('u1'), surface: 'recommendations', servedAt: 0, at: 1, strategy: 'HYBRID', experiment: null,
  variant: null, campaign: null, offset: 0, itemIds: [asItemId('i1')], positions: [1],
});

/** A writer whose writes finish when the test says so; it answers each report with its batch's number. */
class GatedWriter implements ImpressionWriter {
  calls: string[][] = [];
  private gates: { open(): void; fail(e: unknown): void }[] = [];

  record(reports: readonly ImpressionReport[]): Promise<ImpressionOutcome[]> {
    this.calls.push(reports.map((r) => r.recId));
    const batch = this.calls.length;
    return new Promise((resolve, reject) => {
      this.gates.push({ open: () => resolve(reports.map(() => ({ recorded: batch, total: reports.length }))), fail: reject });
    });
  }

  open(k: number): void { this.gates[k]!.open(); }
  fail(k: number, e: unknown): void { this.gates[k]!.fail(e); }
}

const tick = () => new Promise((r) => setImmediate(r));

describe('impression group commit', () => {
  it('writes at once when idle, and groups the reports that arrive during a write into the next one', async () => {
    const store = new GatedWriter();
    const group = new ImpressionGroupCommit(store);
    const first = group.record([report('a')]);
    await tick();
    expect(store.calls).toEqual([['a']]);
    const waiting = ['b', 'c', 'd'].map((id) => group.record([report(id)]));
    await tick();
    expect(store.calls).toHaveLength(1); // b, c, d wait for a's write
    store.open(0);
    expect(await first).toEqual([{ recorded: 1, total: 1 }]);
    await tick();
    expect(store.calls).toEqual([['a'], ['b', 'c', 'd']]);
    store.open(1);
    expect(await Promise.all(waiting)).toEqual([[{ recorded: 2, total: 3 }], [{ recorded: 2, total: 3 }], [{ recorded: 2, total: 3 }]]);
    expect({ batches: group.batches, reports: group.reports }).toEqual({ batches: 2, reports: 4 });
  });

  it('a failed write fails only its own reports; the next batch goes on', async () => {
    const store = new GatedWriter();
    const group = new ImpressionGroupCommit(store);
    const a = group.record([report('a')]);
    await tick();
    const b = group.record([report('b')]);
    store.fail(0, new Error('deadlock'));
    await expect(a).rejects.toThrow('deadlock');
    await tick();
    expect(store.calls).toEqual([['a'], ['b']]);
    store.open(1);
    expect(await b).toEqual([{ recorded: 2, total: 1 }]);
  });

  it('splits a backlog into batches of at most maxBatch', async () => {
    const store = new GatedWriter();
    const group = new ImpressionGroupCommit(store, 2);
    const all = [group.record([report('a')]), ...['b', 'c', 'd', 'e', 'f'].map((id) => group.record([report(id)]))];
    await tick();
    store.open(0);
    await tick(); await tick();
    store.open(1);
    await tick(); await tick();
    store.open(2);
    await tick(); await tick();
    expect(store.calls).toEqual([['a'], ['b', 'c'], ['d', 'e'], ['f']]);
    store.open(3);
    expect((await Promise.all(all)).map(([o]) => o?.recorded)).toEqual([1, 2, 2, 3, 3, 4]);
  });
});
