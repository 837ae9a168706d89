// Experiments and their assignments (cypher/loop/experiment-*.cypher; graph model in docs/loop.md).
import type { Experiment, ExperimentVariant } from '../domain/loop.ts';
import { AppError, isAppError } from '../domain/errors.ts';
import { DEFAULT_BASELINE_CONVERSION_RATE, DEFAULT_PLANNED_USERS_PER_VARIANT, type ExperimentPlan } from '../algorithms/experiments/experiment-report.ts';
import type { MetricSums } from '../algorithms/experiments/welch.ts';
import { ALL_GRANTED, type Consent } from '../domain/consent.ts';
import { cypher } from './cypher-files.ts';
import type { Executor, Row } from './executor.ts';

/** An experiment with the plan its always-valid intervals are tuned for. */
export interface PlannedExperiment extends Experiment {
  readonly plan: ExperimentPlan;
}

export interface AssignmentRow {
  readonly key: string;
  readonly userId: string;
  readonly variant: string;
  readonly at: number;
}

/** One variant's row of experiment-results.cypher. */
export interface VariantFigures {
  readonly variant: string;
  readonly assigned: number;
  readonly exposed: number;
  readonly impressions: number;
  readonly clicks: number;
  readonly conversions: number;
  readonly revenue: MetricSums;
}

export class ExperimentStore {
  constructor(
    private readonly executor: Executor,
    private readonly consentDefaults: Consent = ALL_GRANTED,
  ) {}

  /** CREATE; an existing key is CONFLICT. */
  async create(e: PlannedExperiment): Promise<PlannedExperiment> {
    const experiment = {
      key: e.key, name: e.name, surface: e.surface, variants: JSON.stringify(e.variants), coverage: e.coverage,
      audienceSegmentId: e.audienceSegmentId, startAt: e.startAt, stopAt: e.stopAt, seed: e.seed, hashVersion: e.hashVersion,
      createdAt: e.createdAt, stoppedAt: e.stoppedAt,
      plannedUsersPerVariant: e.plan.usersPerVariant, baselineConversionRate: e.plan.baselineConversionRate,
      orderValueMean: e.plan.orderValueMean, orderValueMeanSq: e.plan.orderValueMeanSq,
    };
    try {
      const [row] = await this.executor.write(cypher('loop/experiment-create'), { experiment });
      return experimentFromRow(row);
    } catch (err) {
      if (isAppError(err) && err.code === 'CONFLICT') throw new AppError('CONFLICT', `experiment '${e.key}' already exists`, { field: 'key', key: e.key });
      throw err;
    }
  }

  async get(key: string): Promise<PlannedExperiment | null> {
    return (await this.list([key]))[0] ?? null;
  }

  /** Newest first; only `keys` when given. */
  async list(keys: readonly string[] | null = null): Promise<PlannedExperiment[]> {
    const rows = await this.executor.read(cypher('loop/experiment-list'), { keys: keys === null ? null : [...keys] });
    return rows.map(experimentFromRow);
  }

  /** Not stopped on `surface`; with `now`, also not past their stopAt. Oldest start first. */
  async open(surface: string, now: number | null): Promise<PlannedExperiment[]> {
    const rows = await this.executor.read(cypher('loop/experiment-open'), { surface, now });
    return rows.map(experimentFromRow);
  }

  /** Sets stoppedAt (kept when already set); null for an unknown key. */
  async stop(key: string, now: number): Promise<PlannedExperiment | null> {
    const [row] = await this.executor.write(cypher('loop/experiment-stop'), { key, now });
    return row === undefined ? null : experimentFromRow(row);
  }

  /** MERGEs the ASSIGNED edges in one statement; the first assignment of a user wins. */
  async writeAssignments(rows: readonly AssignmentRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.executor.write(cypher('loop/experiment-assign'), { rows: rows.map((r) => ({ ...r })) });
  }

  /** Mean and mean square of the catalogue's prices; null when no item has a price. */
  async orderValue(): Promise<{ mean: number; meanSq: number } | null> {
    const [row] = await this.executor.read(cypher('loop/experiment-order-value'));
    if (row === undefined || Number(row['items'] ?? 0) === 0) return null;
    return { mean: Number(row['mean']), meanSq: Number(row['meanSq']) };
  }

  /** Per variant with anybody assigned (experiment-results.cypher); users without analytics consent are left out. */
  async results(key: string, windowMs: number): Promise<VariantFigures[]> {
    const rows = await this.executor.read(cypher('loop/experiment-results'), { key, windowMs, consentDefaults: { ...this.consentDefaults } });
    return rows.map((r) => ({
      variant: String(r['variant']),
      assigned: num(r, 'assigned'), exposed: num(r, 'exposed'), impressions: num(r, 'impressions'), clicks: num(r, 'clicks'),
      conversions: num(r, 'conversions'),
      revenue: { n: num(r, 'exposed'), sum: num(r, 'revenueSum'), sumSq: num(r, 'revenueSumSq') },
    }));
  }
}

function num(r: Row, k: string): number {
  const v = r[k];
  return v === null || v === undefined ? 0 : Number(v);
}

function experimentFromRow(row: Row | undefined): PlannedExperiment {
  const x = (row?.['experiment'] ?? {}) as Record<string, unknown>;
  const opt = (k: string): number | null => (x[k] === null || x[k] === undefined ? null : Number(x[k]));
  const variants = JSON.parse(String(x['variants'] ?? '[]')) as ExperimentVariant[];
  return {
    key: String(x['key']),
    name: x['name'] == null ? null : String(x['name']),
    surface: 'recommendations',
    variants,
    coverage: Number(x['coverage'] ?? 1),
    audienceSegmentId: x['audienceSegmentId'] == null ? null : String(x['audienceSegmentId']),
    startAt: Number(x['startAt']),
    stopAt: opt('stopAt'),
    seed: String(x['seed'] ?? x['key']),
    hashVersion: Number(x['hashVersion']) === 1 ? 1 : 2,
    createdAt: Number(x['createdAt']),
    stoppedAt: opt('stoppedAt'),
    plan: {
      usersPerVariant: Number(x['plannedUsersPerVariant'] ?? DEFAULT_PLANNED_USERS_PER_VARIANT),
      baselineConversionRate: Number(x['baselineConversionRate'] ?? DEFAULT_BASELINE_CONVERSION_RATE),
      orderValueMean: Number(x['orderValueMean'] ?? 1),
      orderValueMeanSq: Number(x['orderValueMeanSq'] ?? 1),
    },
  };
}
