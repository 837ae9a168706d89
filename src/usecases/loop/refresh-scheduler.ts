// Keeps the served models fresh. Every `intervalMs` (GREC_REFRESH_INTERVAL_MS), or once `afterEvents`
// (GREC_REFRESH_AFTER_EVENTS) interactions arrived through the live path since the GRAPH model read the graph,
// whichever comes first, it refits the GRAPH model (numeric work in a worker thread, graph-fitter.ts; the new
// model is swapped in atomically, requests in flight keep the old one, the page cache is cleared) and then
// recomputes profiles and segments. The interval restarts after each refresh, whatever started it.
// One refresh at a time: triggers arriving during a refresh are coalesced into one follow-up run. A failing
// job is logged and counted (grec_model_refreshes_total) and the schedule goes on. stop() waits for a running
// refresh up to a grace period, then abandons it (the process is exiting).
// Several replicas over one database (README "Deployment"): each run first takes the database lease
// `refresh` (replica-store.ts); a replica that does not get it skips the run, since the holder refreshes.
// The holder renews the lease at each of its runs (its TTL outlives the interval), so it keeps the job until
// it stops (the lease is released) or dies (the lease expires and the next replica to trigger takes it).
// The profiles and segments it writes are read from the database by every replica; its new GRAPH model is
// announced (`onGraphRefreshed`) so the other replicas refit theirs.
import type { JobLog } from '../job-log.ts';
import type { FitStamp } from '../recommend/graph-model-cache.ts';
import type { EventCounter } from './event-counter.ts';

export type RefreshModel = 'graph' | 'customers';
export type RefreshOutcome = 'ok' | 'error';
export type RefreshReason = 'interval' | 'events' | 'manual' | 'coalesced';
const MODELS: readonly RefreshModel[] = ['graph', 'customers'];
const OUTCOMES: readonly RefreshOutcome[] = ['ok', 'error'];

/** What a refresh runs (the composition root binds them to the services, as the operator). */
export interface RefreshJobs {
  /** Refits the GRAPH model and swaps it in. */
  graph(): Promise<unknown>;
  /** Profiles, then every segment's membership. */
  customers(): Promise<unknown>;
  /** The served GRAPH model's newest fit. */
  lastGraphFit(): FitStamp | undefined;
}

export interface RefreshSchedule {
  /** 0: no interval. */
  readonly intervalMs: number;
  /** 0: no event threshold. */
  readonly afterEvents: number;
}

/** setTimeout/clearTimeout, injectable so tests drive the clock. */
export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/** Timers that do not keep a stopping process alive. */
export const REAL_TIMERS: Timers = {
  set: (fn, ms) => setTimeout(fn, ms).unref(),
  clear: (h) => clearTimeout(h as NodeJS.Timeout),
};

export interface RefreshStatus {
  readonly graphFittedAt: number | null;
  readonly graphFitMs: number | null;
  readonly eventsSinceFit: number;
  readonly customersRefreshedAt: number | null;
  readonly customersRefreshMs: number | null;
  /** The schedule while it runs (null: off, or not started). */
  readonly refreshIntervalMs: number | null;
  readonly refreshAfterEvents: number | null;
  readonly refreshing: boolean;
}

export interface RefreshCount {
  readonly model: RefreshModel;
  readonly outcome: RefreshOutcome;
  readonly count: number;
}

/** A lease in the shared database: only its holder runs the scheduled refresh. */
export interface RefreshLease {
  /** Takes or renews the lease; false while another replica holds it. */
  take(): Promise<boolean>;
  release(): Promise<void>;
}

export interface SchedulerDeps {
  readonly now: () => number;
  readonly timers?: Timers;
  readonly log: JobLog;
  /** Set when several replicas may run (GREC_REPLICA_SYNC_MS > 0); absent: every run refreshes. */
  readonly lease?: RefreshLease;
  /** Told after this replica refitted the GRAPH model (the replica sync tells the other replicas). */
  readonly onGraphRefreshed?: () => void;
}

interface Deferred {
  readonly promise: Promise<void>;
  resolve(v?: Promise<void>): void;
}

export class RefreshScheduler {
  private running: Promise<void> | undefined;
  /** The one follow-up run that triggers during a refresh share. */
  private followUp: Deferred | undefined;
  private timer: unknown;
  private started = false;
  private stopped = false;
  private unsubscribe: (() => void) | undefined;
  private eventsAtRunStart = 0;
  private customersStamp: { readonly fittedAt: number; readonly fitMs: number } | undefined;
  private readonly counts = new Map<string, number>();
  /** Runs skipped because another replica held the refresh lease. */
  skippedRuns = 0;
  private readonly timers: Timers;

  constructor(
    private readonly jobs: RefreshJobs,
    private readonly events: EventCounter,
    private readonly schedule: RefreshSchedule,
    private readonly deps: SchedulerDeps,
  ) {
    this.timers = deps.timers ?? REAL_TIMERS;
  }

  /** Arms the interval and the event threshold (a no-op when both are 0, or once stopped). */
  start(): void {
    if (this.started || this.stopped || !this.scheduled()) return;
    this.started = true;
    if (this.schedule.afterEvents > 0) this.unsubscribe = this.events.onRecorded(() => this.eventRecorded());
    this.arm();
    this.deps.log.info({ intervalMs: this.schedule.intervalMs, afterEvents: this.schedule.afterEvents }, 'scheduled model refresh armed');
  }

  /**
   * Runs a refresh now, or (one is running) once more after it; resolves when the run covering this call
   * has finished. Never rejects: job errors are logged and counted.
   */
  trigger(reason: RefreshReason = 'manual'): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running === undefined) return this.run(reason);
    this.followUp ??= deferred();
    return this.followUp.promise;
  }

  /**
   * Stops the schedule. A running refresh gets `graceMs` to finish ('finished'), else it is left to the
   * exiting process ('abandoned'); a coalesced follow-up never starts.
   */
  async stop(graceMs = Number.POSITIVE_INFINITY): Promise<'idle' | 'finished' | 'abandoned'> {
    this.stopped = true;
    this.disarm();
    this.unsubscribe?.();
    this.followUp?.resolve();
    this.followUp = undefined;
    const running = this.running;
    // Another replica may take the job at once instead of waiting for the lease to expire.
    const release = (): Promise<void> => this.deps.lease?.release().catch((err: unknown) => this.deps.log.warn({ err }, 'refresh lease not released; it expires by itself')) ?? Promise.resolve();
    if (running === undefined) {
      await release();
      return 'idle';
    }
    void running.then(release);
    if (!Number.isFinite(graceMs)) {
      await running;
      return 'finished';
    }
    let handle: unknown;
    const grace = new Promise<'abandoned'>((resolve) => {
      handle = this.timers.set(() => resolve('abandoned'), graceMs);
    });
    const outcome = await Promise.race([running.then(() => 'finished' as const), grace]);
    this.timers.clear(handle);
    return outcome;
  }

  status(): RefreshStatus {
    const fit = this.jobs.lastGraphFit();
    const on = this.started && !this.stopped;
    return {
      graphFittedAt: fit?.fittedAt ?? null,
      graphFitMs: fit?.fitMs ?? null,
      eventsSinceFit: this.events.total - (fit?.eventsAtLoad ?? 0),
      customersRefreshedAt: this.customersStamp?.fittedAt ?? null,
      customersRefreshMs: this.customersStamp?.fitMs ?? null,
      refreshIntervalMs: on && this.schedule.intervalMs > 0 ? this.schedule.intervalMs : null,
      refreshAfterEvents: on && this.schedule.afterEvents > 0 ? this.schedule.afterEvents : null,
      refreshing: this.running !== undefined,
    };
  }

  /** The newest successful customer refresh, in the shape of a model fit (for the metrics). */
  lastCustomersRefresh(): { readonly fittedAt: number; readonly fitMs: number } | undefined {
    return this.customersStamp;
  }

  /** A customer refresh made elsewhere (the demo start's), so its age is known before the first scheduled one. */
  noteCustomersRefreshed(startedAt: number, ms: number): void {
    this.customersStamp = { fittedAt: startedAt, fitMs: ms };
  }

  /** Finished jobs by model and outcome, monotonic; every pair listed (0 before the first), so rates start at once. */
  refreshCounts(): RefreshCount[] {
    return MODELS.flatMap((model) => OUTCOMES.map((outcome) => ({ model, outcome, count: this.counts.get(`${model}:${outcome}`) ?? 0 })));
  }

  private scheduled(): boolean {
    return this.schedule.intervalMs > 0 || this.schedule.afterEvents > 0;
  }

  private eventRecorded(): void {
    if (this.stopped || this.followUp !== undefined) return;
    // Events read by the newest fit, or by the refresh running now, are not new.
    const baseline = Math.max(this.jobs.lastGraphFit()?.eventsAtLoad ?? 0, this.eventsAtRunStart);
    if (this.events.total - baseline >= this.schedule.afterEvents) void this.trigger('events');
  }

  private run(reason: RefreshReason): Promise<void> {
    this.disarm();
    this.eventsAtRunStart = this.events.total;
    const run = this.work(reason).finally(() => {
      this.running = undefined;
      const next = this.followUp;
      this.followUp = undefined;
      if (next !== undefined && !this.stopped) next.resolve(this.run('coalesced'));
      else this.arm();
    });
    this.running = run;
    return run;
  }

  private async work(reason: RefreshReason): Promise<void> {
    if (this.deps.lease !== undefined && !(await this.leased())) {
      this.skippedRuns++;
      this.deps.log.info({ reason }, 'model refresh skipped: another replica holds the refresh lease');
      return;
    }
    this.deps.log.info({ reason }, 'model refresh started');
    if (await this.step('graph', () => this.jobs.graph())) this.deps.onGraphRefreshed?.();
    await this.step('customers', () => this.jobs.customers());
  }

  private async leased(): Promise<boolean> {
    try {
      return (await this.deps.lease?.take()) ?? true;
    } catch (err) {
      this.deps.log.error({ err }, 'refresh lease not taken (database error); this run is skipped');
      return false;
    }
  }

  /** Runs one job; true when it succeeded. */
  private async step(model: RefreshModel, job: () => Promise<unknown>): Promise<boolean> {
    const t0 = this.deps.now();
    try {
      await job();
      const ms = this.deps.now() - t0;
      if (model === 'customers') this.customersStamp = { fittedAt: t0, fitMs: ms };
      this.count(model, 'ok');
      this.deps.log.info({ model, ms }, 'model refreshed');
      return true;
    } catch (err) {
      this.count(model, 'error');
      this.deps.log.error({ err, model }, 'scheduled model refresh failed; the schedule goes on');
      return false;
    }
  }

  private count(model: RefreshModel, outcome: RefreshOutcome): void {
    const key = `${model}:${outcome}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  private arm(): void {
    if (!this.started || this.stopped || this.schedule.intervalMs <= 0 || this.timer !== undefined) return;
    this.timer = this.timers.set(() => {
      this.timer = undefined;
      void this.trigger('interval');
    }, this.schedule.intervalMs);
  }

  private disarm(): void {
    if (this.timer === undefined) return;
    this.timers.clear(this.timer);
    this.timer = undefined;
  }
}

function deferred(): Deferred {
  let resolve: (v?: Promise<void>) => void = () => {};
  const promise = new Promise<void>((r) => {
    resolve = (v) => r(v);
  });
  return { promise, resolve };
}
