// Creating, stopping and listing experiments (docs/loop.md "Experiments"). An experiment is validated in full
// here, with a field path per error (`variants[1].weight`), so what is stored can always be served. One
// experiment per surface at a time: a new one whose [startAt, stopAt) overlaps a not-stopped one on the same
// surface is a CONFLICT, so a user's page is never claimed by two experiments.
import { validateExperiment } from '../../algorithms/experiments/assignment/experiment-definition.ts';
import {
  DEFAULT_BASELINE_CONVERSION_RATE, DEFAULT_PLANNED_USERS_PER_VARIANT, type ExperimentPlan,
} from '../../algorithms/experiments/experiment-report.ts';
import { AppError, invalidInput, isAppError, notFound } from '../../domain/errors.ts';
import { experimentStatus, type Experiment, type ExperimentStatus, type ExperimentVariant } from '../../domain/loop.ts';
import type { Principal } from '../../domain/principal.ts';
import type { ExperimentStore, PlannedExperiment } from '../../storage/experiment-store.ts';
import type { SegmentStore } from '../../storage/segment-store.ts';
import { authorize } from '../access/permissions.ts';
import { STRATEGIES, type SourceName } from '../recommend/types.ts';

export const EXPERIMENT_KEY = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const VARIANT_KEY = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
/** The blend sources a HYBRID variant may weight; a stored map always has all of them, in this order. */
export const SOURCE_NAMES = ['POPULAR', 'ITEM_CF', 'USER_CF', 'CONTENT', 'SOCIAL', 'GRAPH', 'TRENDING'] as const satisfies readonly SourceName[];
const SURFACES = ['recommendations'] as const;
const MAX_PLANNED_USERS = 1_000_000_000;

export interface ExperimentVariantInput {
  readonly key: string;
  readonly weight: number;
  readonly strategy: string;
  readonly hybridWeights?: Readonly<Record<string, unknown>> | null;
}

/** Times in epoch milliseconds (the resolver parses DateTime). */
export interface CreateExperimentInput {
  readonly key: string;
  readonly name?: string | null;
  readonly surface?: string | null;
  readonly variants: readonly ExperimentVariantInput[];
  readonly coverage?: number | null;
  readonly audienceSegmentId?: string | null;
  readonly startAt?: number | null;
  readonly stopAt?: number | null;
  readonly seed?: string | null;
  readonly hashVersion?: number | null;
  readonly plannedUsersPerVariant?: number | null;
  readonly baselineConversionRate?: number | null;
}

export interface ExperimentServiceDeps {
  readonly store: ExperimentStore;
  readonly segments: Pick<SegmentStore, 'get'>;
  readonly now: () => number;
  /** Told after every create and stop (the variant chooser drops its cached experiment at once). */
  readonly changed?: () => void;
}

export class ExperimentService {
  constructor(private readonly deps: ExperimentServiceDeps) {}

  async create(p: Principal, input: CreateExperimentInput): Promise<PlannedExperiment> {
    authorize(p, 'experiments:write');
    const now = this.deps.now();
    const draft = parseExperiment(input, now);
    if (draft.audienceSegmentId !== null && (await this.deps.segments.get(draft.audienceSegmentId)) === null) {
      throw notFound('Segment', draft.audienceSegmentId);
    }
    if ((await this.deps.store.get(draft.key)) !== null) {
      throw new AppError('CONFLICT', `experiment '${draft.key}' already exists`, { field: 'key', key: draft.key });
    }
    const clash = (await this.deps.store.open(draft.surface, null)).find((o) => overlaps(o, draft));
    if (clash !== undefined) {
      throw new AppError('CONFLICT', `experiment '${clash.key}' already runs on surface '${draft.surface}' in that time: stop it first or choose a window after it`, {
        field: 'startAt', surface: draft.surface, experiment: clash.key,
      });
    }
    const order = await this.deps.store.orderValue();
    const plan: ExperimentPlan = {
      usersPerVariant: input.plannedUsersPerVariant ?? DEFAULT_PLANNED_USERS_PER_VARIANT,
      baselineConversionRate: input.baselineConversionRate ?? DEFAULT_BASELINE_CONVERSION_RATE,
      // A catalogue without prices plans with an order value of 1 (revenue in units of an order).
      orderValueMean: order !== null && order.mean > 0 ? order.mean : 1,
      orderValueMeanSq: order !== null && order.mean > 0 ? Math.max(order.meanSq, order.mean * order.mean) : 1,
    };
    const created = await this.deps.store.create({ ...draft, plan });
    this.deps.changed?.();
    return created;
  }

  /**
   * Unknown key: NOT_FOUND. An experiment already stopped (or past its stopAt) is a CONFLICT saying when: a
   * second stop is a mistake worth seeing (the wrong key, or two people ending one test), and it changes nothing.
   */
  async stop(p: Principal, key: string): Promise<PlannedExperiment> {
    authorize(p, 'experiments:write');
    const current = await this.deps.store.get(key);
    if (current === null) throw notFound('Experiment', key);
    const now = this.deps.now();
    if (experimentStatus(current, now) === 'STOPPED') {
      const at = current.stoppedAt ?? current.stopAt ?? now;
      throw new AppError('CONFLICT', `experiment '${key}' is already stopped (since ${new Date(at).toISOString()})`, { key, stoppedAt: at });
    }
    const stopped = await this.deps.store.stop(key, now);
    if (stopped === null) throw notFound('Experiment', key);
    this.deps.changed?.();
    return stopped;
  }

  /** Newest first, optionally only those with `status` now. */
  async list(p: Principal, status: ExperimentStatus | null): Promise<PlannedExperiment[]> {
    authorize(p, 'experiments:read');
    const all = await this.deps.store.list();
    if (status === null) return all;
    const now = this.deps.now();
    return all.filter((e) => experimentStatus(e, now) === status);
  }

  async get(p: Principal, key: string): Promise<PlannedExperiment | null> {
    authorize(p, 'experiments:read');
    return this.deps.store.get(key);
  }
}

/** [startAt, stopAt) of two experiments intersect (a missing stopAt is open-ended). */
function overlaps(a: Experiment, b: Experiment): boolean {
  return a.startAt < (b.stopAt ?? Infinity) && b.startAt < (a.stopAt ?? Infinity);
}

/** Every rule that needs no database, in input order; the stored experiment without its plan. */
export function parseExperiment(input: CreateExperimentInput, now: number): Experiment {
  const key = input.key;
  if (typeof key !== 'string' || !EXPERIMENT_KEY.test(key)) {
    throw invalidInput(`key must be 1-64 lower-case letters, digits, '-' or '_', starting with a letter or digit; got '${String(key)}'`, { field: 'key' });
  }
  const name = input.name ?? null;
  if (name !== null && name.length > 200) throw invalidInput('name must be at most 200 characters', { field: 'name' });
  const surface = input.surface ?? 'recommendations';
  if (!(SURFACES as readonly string[]).includes(surface)) {
    throw invalidInput(`surface must be one of ${SURFACES.join(', ')}; got '${surface}'`, { field: 'surface' });
  }
  const variants = parseVariants(input.variants);
  const coverage = input.coverage ?? 1;
  if (!(Number.isFinite(coverage) && coverage >= 0 && coverage <= 1)) throw invalidInput(`coverage must be in [0, 1], got ${coverage}`, { field: 'coverage' });
  const hashVersion = input.hashVersion ?? 2;
  if (hashVersion !== 1 && hashVersion !== 2) throw invalidInput(`hashVersion must be 1 or 2, got ${hashVersion}`, { field: 'hashVersion' });
  const seed = input.seed ?? key;
  if (seed.trim() === '') throw invalidInput('seed must be non-empty (omit it to use the key)', { field: 'seed' });
  const startAt = input.startAt ?? now;
  const stopAt = input.stopAt ?? null;
  if (!Number.isFinite(startAt)) throw invalidInput('startAt must be a valid time', { field: 'startAt' });
  if (stopAt !== null && !(Number.isFinite(stopAt) && stopAt > startAt)) throw invalidInput('stopAt must be after startAt', { field: 'stopAt' });
  const planned = input.plannedUsersPerVariant;
  if (planned != null && !(Number.isInteger(planned) && planned >= 1 && planned <= MAX_PLANNED_USERS)) {
    throw invalidInput(`plannedUsersPerVariant must be an integer in [1, ${MAX_PLANNED_USERS}]`, { field: 'plannedUsersPerVariant' });
  }
  const baseline = input.baselineConversionRate;
  if (baseline != null && !(baseline > 0 && baseline < 1)) throw invalidInput('baselineConversionRate must be in (0, 1)', { field: 'baselineConversionRate' });
  const audienceSegmentId = input.audienceSegmentId ?? null;
  if (audienceSegmentId !== null && audienceSegmentId.trim() === '') throw invalidInput('audienceSegmentId must be non-empty', { field: 'audienceSegmentId' });
  const experiment: Experiment = {
    key, name, surface: 'recommendations', variants, coverage, audienceSegmentId, startAt, stopAt, seed, hashVersion,
    createdAt: now, stoppedAt: null,
  };
  try {
    validateExperiment({ key, variants: variants.map((v) => v.key), weights: variants.map((v) => v.weight), coverage, seed, hashVersion });
  } catch (err) {
    // The assignment's own check (weights summing to 1) names `weights`; the input calls them variants[].weight.
    if (isAppError(err) && err.details['field'] === 'weights') throw invalidInput(err.message, { ...err.details, field: 'variants' });
    throw err;
  }
  return experiment;
}

function parseVariants(input: readonly ExperimentVariantInput[]): ExperimentVariant[] {
  if (!Array.isArray(input) || input.length < 2) {
    throw invalidInput(`an experiment needs at least 2 variants (the first is the control), got ${Array.isArray(input) ? input.length : 0}`, { field: 'variants' });
  }
  const seen = new Set<string>();
  return input.map((v, i): ExperimentVariant => {
    const at = `variants[${i}]`;
    if (typeof v.key !== 'string' || !VARIANT_KEY.test(v.key)) {
      throw invalidInput(`${at}.key must be 1-64 letters, digits, '-' or '_'; got '${String(v.key)}'`, { field: `${at}.key` });
    }
    if (seen.has(v.key)) throw invalidInput(`variant key '${v.key}' is used twice`, { field: `${at}.key` });
    seen.add(v.key);
    if (!(Number.isFinite(v.weight) && v.weight >= 0)) throw invalidInput(`${at}.weight must be non-negative, got ${v.weight}`, { field: `${at}.weight` });
    if (!(STRATEGIES as readonly string[]).includes(v.strategy)) {
      throw invalidInput(`${at}.strategy must be one of ${STRATEGIES.join(', ')}; got '${v.strategy}'`, { field: `${at}.strategy` });
    }
    return { key: v.key, weight: v.weight, strategy: v.strategy, hybridWeights: parseHybridWeights(v.hybridWeights ?? null, v.strategy, at) };
  });
}

/** A partial map becomes a full record (missing sources weigh 0), in SOURCE_NAMES order so page cache keys are stable. */
function parseHybridWeights(weights: Readonly<Record<string, unknown>> | null, strategy: string, at: string): Record<SourceName, number> | null {
  if (weights === null) return null;
  const field = `${at}.hybridWeights`;
  if (strategy !== 'HYBRID') throw invalidInput(`${field} applies only to a HYBRID variant, not ${strategy}`, { field });
  if (typeof weights !== 'object' || Array.isArray(weights)) throw invalidInput(`${field} must be an object of source weights`, { field });
  for (const [source, w] of Object.entries(weights)) {
    if (w === null || w === undefined) continue;
    if (!(SOURCE_NAMES as readonly string[]).includes(source)) {
      throw invalidInput(`${field}: unknown source '${source}' (one of ${SOURCE_NAMES.join(', ')})`, { field: `${field}.${source}` });
    }
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) throw invalidInput(`${field}.${source} must be a non-negative number`, { field: `${field}.${source}` });
  }
  const full = Object.fromEntries(SOURCE_NAMES.map((s) => [s, typeof weights[s] === 'number' ? weights[s] : 0])) as Record<SourceName, number>;
  if (!Object.values(full).some((w) => w > 0)) throw invalidInput(`${field} needs at least one source with a positive weight`, { field });
  return full;
}
