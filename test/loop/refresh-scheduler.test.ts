// The refresh scheduler with an injected clock and timers and fake jobs: what triggers a refresh (the
// interval, N new events), that triggers during a refresh coalesce into one follow-up, that a failing job is
// logged and counted without stopping the schedule, and how stop() waits for or abandons a running refresh.
import { describe, expect, it } from 'vitest';
import { asItemId, asUserId } from '../../src/domain/ids.ts';
import { EventCounter } from '../../src/usecases/loop/event-counter.ts';
import { RefreshScheduler, type RefreshSchedule, type Timers } from '../../src/usecases/loop/refresh-scheduler.ts';
import type { FitStamp } from '../../src/usecases/recommend/graph-model-cache.ts';

/** Lets every pending promise callback run (the jobs and the scheduler chain a few). */
const flush = async (): Promise<void> => {
  for (let k = 0; k < 5; k++) await new Promise<void>((r) => setImmediate(r));
};

/** A clock and timers that move only when the test says so. */
function fakeClock() {
  let now = 0;
  let nextId = 0;
  const queue = new Map<number, { at: number; fn: () => void }>();
  const timers: Timers = {
    set(fn, ms) {
      queue.set(++nextId, { at: now + ms, fn });
      return nextId;
    },
    clear(h) {
      queue.delete(h as number);
    },
  };
  return {
    timers,
    now: () => now,
    pending: () => queue.size,
    async advance(ms: number): Promise<void> {
      const target = now + ms;
      for (;;) {
        const due = [...queue].filter(([, t]) => t.at <= target).sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
        if (due === undefined) break;
        queue.delete(due[0]);
        now = due[1].at;
        due[1].fn();
        await flush();
      }
      now = target;
      await flush();
    },
  };
}

/** Jobs that record their order, can be held open (`hold`) and made to fail; the GRAPH job stamps a fit. */
function fakeJobs(events: EventCounter, clock: { now: () => number }) {
  const calls: string[] = [];
  let gate: Promise<void> | undefined;
  let open: () => void = () => {};
  let fit: FitStamp | undefined;
  const failures = { graph: 0, customers: 0 };
  const job = (model: 'graph' | 'customers') => async () => {
    calls.push(model);
    if (model === 'graph') fit = { fittedAt: clock.now(), fitMs: 5, eventsAtLoad: events.total };
    if (gate !== undefined && model === 'graph') await gate;
    if (failures[model] > 0) {
      failures[model]--;
      throw new Error(`${model} failed`);
    }
  };
  return {
    jobs: { graph: job('graph'), customers: job('customers'), lastGraphFit: () => fit },
    calls,
    failures,
    runs: () => calls.filter((c) => c === 'graph').length,
    hold() {
      gate = new Promise<void>((r) => {
        open = r;
      });
    },
    release() {
      gate = undefined;
      open();
    },
  };
}

function setup(schedule: RefreshSchedule) {
  const clock = fakeClock();
  const events = new EventCounter();
  const fake = fakeJobs(events, clock);
  const logged: { level: string; fields: object; msg: string }[] = [];
  const log = {
    info: (fields: object, msg: string) => logged.push({ level: 'info', fields, msg }),
    warn: (fields: object, msg: string) => logged.push({ level: 'warn', fields, msg }),
    error: (fields: object, msg: string) => logged.push({ level: 'error', fields, msg }),
  };
  const scheduler = new RefreshScheduler(fake.jobs, events, schedule, { now: clock.now, timers: clock.timers, log });
  const record = (n: number) => {
    for (let k = 0; k < n; k++) events.interactionRecorded(asUserId('u1'), asItemId('i1'));
  };
  return { clock, events, fake, logged, scheduler, record };
}

describe('RefreshScheduler', () => {
  it('refreshes every interval, GRAPH first, then profiles and segments; the interval restarts after each run', async () => {
    const { clock, fake, scheduler } = setup({ intervalMs: 1000, afterEvents: 0 });
    scheduler.start();
    await clock.advance(999);
    expect(fake.runs()).toBe(0);
    await clock.advance(1);
    expect(fake.calls).toEqual(['graph', 'customers']);
    await clock.advance(1000);
    expect(fake.runs()).toBe(2);
    expect(scheduler.status()).toMatchObject({ refreshIntervalMs: 1000, refreshAfterEvents: null, refreshing: false, customersRefreshedAt: 2000 });
  });

  it('refreshes once N events arrived since the GRAPH model read the graph, and restarts the interval then', async () => {
    const { clock, fake, scheduler, record } = setup({ intervalMs: 1000, afterEvents: 3 });
    scheduler.start();
    await clock.advance(500);
    record(2);
    await flush();
    expect(fake.runs()).toBe(0);
    expect(scheduler.status().eventsSinceFit).toBe(2);
    record(1);
    await flush();
    expect(fake.runs()).toBe(1);
    expect(scheduler.status().eventsSinceFit).toBe(0);
    await clock.advance(999); // 1499: the interval counts from the event-triggered run
    expect(fake.runs()).toBe(1);
    await clock.advance(1);
    expect(fake.runs()).toBe(2);
    record(2);
    await flush();
    expect(fake.runs()).toBe(2);
    expect(scheduler.status().eventsSinceFit).toBe(2);
  });

  it('triggers during a refresh coalesce into one follow-up run', async () => {
    const { clock, fake, scheduler, record } = setup({ intervalMs: 1000, afterEvents: 2 });
    scheduler.start();
    fake.hold();
    const first = scheduler.trigger();
    await flush();
    expect(scheduler.status().refreshing).toBe(true);
    const waiting = [scheduler.trigger(), scheduler.trigger(), scheduler.trigger()];
    record(10); // events during the refresh: a follow-up too, the same one
    await clock.advance(5000); // no interval timer while a refresh runs
    expect(fake.runs()).toBe(1);
    fake.release();
    await Promise.all([first, ...waiting]);
    expect(fake.runs()).toBe(2);
    expect(fake.calls).toEqual(['graph', 'customers', 'graph', 'customers']);
    expect(scheduler.status().refreshing).toBe(false);
    await flush();
    expect(fake.runs()).toBe(2); // the follow-up read those events: nothing more to do
  });

  it('a failing job is logged and counted; the other job runs and the schedule goes on', async () => {
    const { clock, fake, logged, scheduler } = setup({ intervalMs: 1000, afterEvents: 0 });
    scheduler.start();
    fake.failures.graph = 1;
    await clock.advance(1000);
    expect(fake.calls).toEqual(['graph', 'customers']);
    const errors = logged.filter((l) => l.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.fields).toMatchObject({ model: 'graph' });
    expect((errors[0]!.fields as { err: Error }).err.message).toBe('graph failed');
    await clock.advance(1000);
    expect(fake.runs()).toBe(2);
    expect(scheduler.refreshCounts()).toEqual([
      { model: 'graph', outcome: 'ok', count: 1 },
      { model: 'graph', outcome: 'error', count: 1 },
      { model: 'customers', outcome: 'ok', count: 2 },
      { model: 'customers', outcome: 'error', count: 0 },
    ]);
  });

  it('stop() waits for a running refresh within the grace period, and nothing runs after it', async () => {
    const { clock, fake, scheduler, record } = setup({ intervalMs: 1000, afterEvents: 1 });
    scheduler.start();
    fake.hold();
    void scheduler.trigger();
    await flush();
    const followUp = scheduler.trigger();
    let outcome: string | undefined;
    void scheduler.stop(5000).then((o) => {
      outcome = o;
    });
    await clock.advance(100);
    expect(outcome).toBeUndefined();
    fake.release();
    await flush();
    expect(outcome).toBe('finished');
    await followUp; // resolved, never run
    record(5);
    await clock.advance(10_000);
    await scheduler.trigger();
    expect(fake.runs()).toBe(1);
    expect(clock.pending()).toBe(0);
    expect(scheduler.status()).toMatchObject({ refreshIntervalMs: null, refreshAfterEvents: null });
  });

  it('stop() abandons a refresh still running after the grace period; stopping an idle scheduler is immediate', async () => {
    const { clock, fake, scheduler } = setup({ intervalMs: 1000, afterEvents: 0 });
    scheduler.start();
    fake.hold();
    await clock.advance(1000);
    let outcome: string | undefined;
    void scheduler.stop(200).then((o) => {
      outcome = o;
    });
    await clock.advance(199);
    expect(outcome).toBeUndefined();
    await clock.advance(1);
    expect(outcome).toBe('abandoned');
    fake.release();
    const idle = setup({ intervalMs: 1000, afterEvents: 0 }).scheduler;
    idle.start();
    expect(await idle.stop(200)).toBe('idle');
  });

  it('with interval and event threshold 0, start() arms nothing; a manual trigger still refreshes', async () => {
    const { clock, fake, scheduler, record } = setup({ intervalMs: 0, afterEvents: 0 });
    scheduler.start();
    record(100);
    await clock.advance(10 * 3_600_000);
    expect(fake.runs()).toBe(0);
    expect(clock.pending()).toBe(0);
    expect(scheduler.status()).toEqual({
      graphFittedAt: null, graphFitMs: null, eventsSinceFit: 100, customersRefreshedAt: null, customersRefreshMs: null,
      refreshIntervalMs: null, refreshAfterEvents: null, refreshing: false,
    });
    await scheduler.trigger();
    expect(fake.calls).toEqual(['graph', 'customers']);
    expect(scheduler.status()).toMatchObject({ graphFittedAt: clock.now(), graphFitMs: 5, eventsSinceFit: 0, customersRefreshedAt: clock.now() });
  });
});
