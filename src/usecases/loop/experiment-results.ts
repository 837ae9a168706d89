// experimentResults: one aggregate read (cypher/loop/experiment-results.cypher, the file analysts run) and
// the pure read-out (algorithms/experiments/experiment-report.ts). README "Experiments" has the formulas.
import { experimentReport, type ExperimentReport } from '../../algorithms/experiments/experiment-report.ts';
import { invalidInput, notFound } from '../../domain/errors.ts';
import type { Principal } from '../../domain/principal.ts';
import type { ExperimentStore, PlannedExperiment, VariantFigures } from '../../storage/experiment-store.ts';
import { authorize } from '../access/permissions.ts';

export interface ExperimentResults extends ExperimentReport {
  readonly experiment: PlannedExperiment;
  readonly confidence: number;
  readonly attributionWindowHours: number;
  readonly computedAt: number;
}

export interface ExperimentResultsDeps {
  readonly store: Pick<ExperimentStore, 'get' | 'results'>;
  readonly now: () => number;
  /** GREC_ATTRIBUTION_WINDOW_HOURS in milliseconds: purchases count this long after the first impression. */
  readonly attributionWindowMs: number;
}

export class ExperimentResultsService {
  constructor(private readonly deps: ExperimentResultsDeps) {}

  /** confidence in (0.5, 1): below one half an "interval" would be narrower than the point's own noise. */
  async results(p: Principal, key: string, confidence = 0.95): Promise<ExperimentResults> {
    authorize(p, 'experiments:read');
    if (!(confidence > 0.5 && confidence < 1)) throw invalidInput(`confidence must be in (0.5, 1), got ${confidence}`, { field: 'confidence' });
    const experiment = await this.deps.store.get(key);
    if (experiment === null) throw notFound('Experiment', key);
    const rows = new Map((await this.deps.store.results(key, this.deps.attributionWindowMs)).map((r) => [r.variant, r]));
    const arms = experiment.variants.map((v) => ({
      variant: v.key, strategy: v.strategy, weight: v.weight, figures: rows.get(v.key) ?? emptyFigures(v.key),
    }));
    return {
      experiment, confidence, attributionWindowHours: this.deps.attributionWindowMs / 3_600_000, computedAt: this.deps.now(),
      ...experimentReport(arms, experiment.plan, confidence),
    };
  }
}

function emptyFigures(variant: string): VariantFigures {
  return { variant, assigned: 0, exposed: 0, impressions: 0, clicks: 0, conversions: 0, revenue: { n: 0, sum: 0, sumSq: 0 } };
}
