// The VariantChooser servePage asks for every page without an explicit strategy: the experiment running on
// surface 'recommendations', the user's audience membership, GrowthBook's assignment, and a queued ASSIGNED
// write. Once its caches are warm a choice costs no round trip: a Set lookup and one GrowthBook evaluation
// (a few microseconds, assign-variant.ts).
// Freshness: the open experiments are re-read every `experimentTtlMs` (create/stop in this process drop them
// at once; other processes see a change within the TTL), a segment's members every `audienceTtlMs`. An
// expired value is still served while one background read replaces it (stale-while-revalidate), so only
// the very first request after start-up or after a create/stop waits for the database.
import { assignVariant } from '../../algorithms/experiments/assignment/assign-variant.ts';
import type { ExperimentDefinition } from '../../algorithms/experiments/assignment/experiment-definition.ts';
import type { UserId } from '../../domain/ids.ts';
import type { Experiment, ExperimentVariant } from '../../domain/loop.ts';
import type { ExperimentStore } from '../../storage/experiment-store.ts';
import type { SegmentStore } from '../../storage/segment-store.ts';
import type { AssignmentLog } from './assignment-log.ts';
import type { VariantChoice, VariantChooser } from './serve-page.ts';

export const SURFACE = 'recommendations';

export interface ChooserOptions {
  readonly experimentTtlMs: number;
  readonly audienceTtlMs: number;
  /** Members read per round trip when a segment is loaded. */
  readonly audiencePage: number;
}

export const DEFAULT_CHOOSER: ChooserOptions = { experimentTtlMs: 10_000, audienceTtlMs: 30_000, audiencePage: 50_000 };

interface Prepared {
  readonly experiment: Experiment;
  readonly definition: ExperimentDefinition;
  readonly variants: ReadonlyMap<string, ExperimentVariant>;
}

export class ExperimentChooser implements VariantChooser {
  private readonly open: Refreshing<readonly Prepared[]>;
  private readonly audiences = new Map<string, Refreshing<ReadonlySet<string>>>();

  constructor(
    private readonly store: Pick<ExperimentStore, 'open'>,
    private readonly segments: Pick<SegmentStore, 'members'>,
    private readonly log: Pick<AssignmentLog, 'record'>,
    private readonly now: () => number,
    private readonly opts: ChooserOptions = DEFAULT_CHOOSER,
  ) {
    this.open = new Refreshing(async () => (await store.open(SURFACE, this.now())).map(prepare), opts.experimentTtlMs, now);
  }

  /**
   * When the experiments (or the audience) cannot be read and nothing is cached yet, the page is served
   * without an experiment rather than failing: a page cache hit needs no database, and nobody is assigned.
   */
  async choose(userId: UserId, assign = true): Promise<VariantChoice | null> {
    try {
      return await this.chooseOrFail(userId, assign);
    } catch {
      return null;
    }
  }

  /** `assign` false (a staff preview): the same choice, but nothing is queued for the assignment log. */
  private async chooseOrFail(userId: UserId, assign: boolean): Promise<VariantChoice | null> {
    const now = this.now();
    const running = (await this.open.get()).find((p) => p.experiment.startAt <= now && (p.experiment.stopAt === null || now < p.experiment.stopAt));
    if (running === undefined) return null;
    const segmentId = running.experiment.audienceSegmentId;
    if (segmentId !== null && !(await this.audience(segmentId)).has(userId)) return null;
    const assignment = assignVariant(running.definition, userId);
    const variant = assignment.variant === null ? undefined : running.variants.get(assignment.variant);
    if (!assignment.inExperiment || variant === undefined) return null;
    if (assign) this.log.record(running.experiment.key, userId, variant.key, now);
    return { experimentKey: running.experiment.key, variant };
  }

  /** An experiment was created or stopped in this process: the next choice reads them again. */
  invalidate(): void {
    this.open.invalidate();
    this.audiences.clear();
  }

  /** Reads the open experiments now (start-up), so the first request does not wait; never rejects. */
  warm(): Promise<void> {
    return Promise.resolve(this.open.get()).then(() => undefined, () => undefined);
  }

  private audience(segmentId: string): ReadonlySet<string> | Promise<ReadonlySet<string>> {
    let members = this.audiences.get(segmentId);
    if (members === undefined) {
      // Only the running experiment's segment is ever asked for: forget any other.
      this.audiences.clear();
      members = new Refreshing(() => this.readMembers(segmentId), this.opts.audienceTtlMs, this.now);
      this.audiences.set(segmentId, members);
    }
    return members.get();
  }

  private async readMembers(segmentId: string): Promise<ReadonlySet<string>> {
    const out = new Set<string>();
    let after = '';
    for (;;) {
      const page = await this.segments.members(segmentId, after, this.opts.audiencePage);
      for (const id of page) out.add(id);
      const last = page.at(-1);
      if (page.length < this.opts.audiencePage || last === undefined) return out;
      after = last;
    }
  }
}

function prepare(experiment: Experiment): Prepared {
  return {
    experiment,
    definition: {
      key: experiment.key, variants: experiment.variants.map((v) => v.key), weights: experiment.variants.map((v) => v.weight),
      coverage: experiment.coverage, seed: experiment.seed, hashVersion: experiment.hashVersion,
    },
    variants: new Map(experiment.variants.map((v) => [v.key, v])),
  };
}

/**
 * A value read from the database and kept `ttlMs`: fresh values are returned as they are (no promise to
 * await), a stale one is returned while a single background read replaces it, and a missing one is read
 * once for all callers. invalidate() drops the value, and a read started before it is not kept.
 */
class Refreshing<T> {
  private value: { readonly v: T; readonly at: number } | undefined;
  private loading: Promise<T> | undefined;
  private generation = 0;

  constructor(private readonly load: () => Promise<T>, private readonly ttlMs: number, private readonly now: () => number) {}

  get(): T | Promise<T> {
    const current = this.value;
    if (current !== undefined) {
      if (this.now() - current.at >= this.ttlMs && this.loading === undefined) this.start().catch(() => {}); // keep the stale value
      return current.v;
    }
    return this.loading ?? this.start();
  }

  invalidate(): void {
    this.generation++;
    this.value = undefined;
    this.loading = undefined;
  }

  private start(): Promise<T> {
    const generation = this.generation;
    const at = this.now();
    const run = this.load().then((v) => {
      if (generation === this.generation) this.value = { v, at };
      return v;
    }).finally(() => {
      if (this.loading === run) this.loading = undefined;
    });
    this.loading = run;
    return run;
  }
}
