// The ASSIGNED batcher on its own: which batches reach the writer, with which rows (the dataloader style of
// counting batches). The writer is an in-memory recorder of the storage interface; the real statement runs in
// experiments.api.test.ts.
import { describe, expect, it } from 'vitest';
import { AssignmentLog, type AssignmentWriter } from '../../src/usecases/loop/assignment-log.ts';
import type { AssignmentRow } from '../../src/storage/experiment-store.ts';

class Recorder implements AssignmentWriter {
  batches: AssignmentRow[][] = [];
  failNext = 0;
  async writeAssignments(rows: readonly AssignmentRow[]): Promise<void> {
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error('database down');
    }
    this.batches.push([...rows]);
  }
}

const opts = { flushMs: 20, maxRows: 3, maxRemembered: 4, maxPending: 5 };
const users = (rows: readonly AssignmentRow[]) => rows.map((r) => r.userId);

describe('AssignmentLog', () => {
  it('dedupes key|user: repeated requests queue one row per user and experiment', async () => {
    const w = new Recorder();
    const log = new AssignmentLog(w, { ...opts, maxRows: 100 });
    for (let k = 0; k < 3; k++) for (const u of ['u1', 'u2']) log.record('x', u, 'a', k);
    log.record('y', 'u1', 'b', 0); // another experiment: its own row
    await log.flush();
    expect(w.batches).toEqual([[
      { key: 'x', userId: 'u1', variant: 'a', at: 0 }, { key: 'x', userId: 'u2', variant: 'a', at: 0 }, { key: 'y', userId: 'u1', variant: 'b', at: 0 },
    ]]);
  });

  it('flushes on its own after flushMs, and in batches of maxRows', async () => {
    const w = new Recorder();
    const log = new AssignmentLog(w, { ...opts, maxRemembered: 100, maxPending: 100 });
    log.record('x', 'u1', 'a', 0);
    expect(w.batches).toEqual([]);
    await new Promise((r) => setTimeout(r, 60));
    expect(w.batches.map(users)).toEqual([['u1']]);
    for (const u of ['u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8']) log.record('x', u, 'a', 0);
    await log.flush();
    expect(w.batches.map(users)).toEqual([['u1'], ['u2', 'u3', 'u4'], ['u5', 'u6', 'u7'], ['u8']]);
  });

  it('a failed flush keeps its rows for the next one; flush() reports the failure, the timer only to onFlushError', async () => {
    const w = new Recorder();
    const log = new AssignmentLog(w, { ...opts, maxRows: 100 });
    const errors: number[] = [];
    log.onFlushError = (_err, pending) => errors.push(pending);
    w.failNext = 1;
    log.record('x', 'u1', 'a', 0);
    await new Promise((r) => setTimeout(r, 60));
    expect(errors).toEqual([1]);
    expect(log.size).toBe(1);
    log.record('x', 'u2', 'a', 0);
    await log.flush();
    expect(w.batches.map(users)).toEqual([['u1', 'u2']]);
    w.failNext = 1;
    log.record('x', 'u3', 'a', 0);
    await expect(log.flush()).rejects.toThrow('database down');
    await log.close();
    expect(w.batches.map(users)).toEqual([['u1', 'u2'], ['u3']]);
    log.record('x', 'u4', 'a', 0); // after close: ignored
    expect(log.size).toBe(0);
  });

  it('is bounded: the oldest pairs are forgotten (merely written again), the oldest pending rows dropped', async () => {
    const w = new Recorder();
    const log = new AssignmentLog(w, { flushMs: 10_000, maxRows: 100, maxRemembered: 4, maxPending: 5 });
    for (const u of ['u1', 'u2', 'u3', 'u4', 'u5', 'u6']) log.record('x', u, 'a', 0);
    expect(log.size).toBe(5); // u1 dropped
    log.record('x', 'u1', 'a', 0); // forgotten, so queued again
    await log.close();
    expect(w.batches.map(users)).toEqual([['u3', 'u4', 'u5', 'u6', 'u1']]);
  });
});
