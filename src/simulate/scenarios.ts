// Repeated simulated experiments and what they show: over many runs the 95 % interval of the conversion
// difference should cover the true difference about 95 % of the time, an A/A test should be significant
// about 5 % of the time (and the always-valid interval at most that), and a skewed split should be flagged
// by the sample-ratio check while a healthy one almost never is.
import type { SimulatorClients } from './api-client.ts';
import { runExperiment, type ArmFigures, type RunOptions, type RunOutcome } from './run-experiment.ts';
import type { PlantedShoppers } from './shopper-model.ts';

export interface Scenario {
  readonly name: string;
  readonly control: string;
  readonly treatment: string;
  readonly runs: number;
  readonly dropTreatment: number;
}

export type RunBase = Omit<RunOptions, 'key' | 'control' | 'treatment' | 'dropTreatment' | 'seed'> & { readonly seed: number; readonly keyPrefix: string };

export async function playScenario(
  clients: SimulatorClients, shoppers: PlantedShoppers, scenario: Scenario, base: RunBase, onRun: (outcome: RunOutcome, run: number) => void = () => undefined,
): Promise<RunOutcome[]> {
  const out: RunOutcome[] = [];
  for (let run = 0; run < scenario.runs; run++) {
    const slug = scenario.name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    const outcome = await runExperiment(clients, shoppers, {
      ...base, key: `${base.keyPrefix}-${slug}-${run + 1}`, control: scenario.control, treatment: scenario.treatment,
      dropTreatment: scenario.dropTreatment, seed: (base.seed + 7919 * (run + 1)) >>> 0,
    });
    out.push(outcome);
    onRun(outcome, run);
  }
  return out;
}

export interface ScenarioSummary {
  readonly runs: number;
  readonly meanTruth: number;
  readonly meanEstimate: number;
  /** Share of runs whose interval contains the true difference (runs with an interval). */
  readonly coverage: number;
  readonly sequentialCoverage: number;
  /** Share of runs with p < 1 - confidence. */
  readonly significant: number;
  readonly sequentialSignificant: number;
  /** Share of runs whose estimate has the sign of the truth (0 when the truth is 0). */
  readonly rightSign: number;
  readonly srmFlagged: number;
  /** Runs where the simulator's own counts equal experimentResults' counts in every field of both arms. */
  readonly exactCountRuns: number;
  readonly variantMismatches: number;
  readonly pageMismatches: number;
  readonly meanPlayed: number;
  readonly meanSeconds: number;
}

const share = (xs: readonly boolean[]): number => (xs.length === 0 ? 0 : xs.filter(Boolean).length / xs.length);
const mean = (xs: readonly number[]): number => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
const FIELDS: readonly (keyof ArmFigures)[] = ['assigned', 'exposed', 'impressions', 'clicks', 'conversions'];

export function sameCounts(o: RunOutcome): boolean {
  return (['control', 'treatment'] as const).every((arm) => FIELDS.every((f) => o.simulated[arm][f] === o.reported[arm][f]));
}

export function summarise(outcomes: readonly RunOutcome[]): ScenarioSummary {
  const withLift = outcomes.filter((o) => o.lift !== null);
  const lift = (o: RunOutcome) => o.lift!;
  return {
    runs: outcomes.length,
    meanTruth: mean(outcomes.map((o) => o.truth.difference)),
    meanEstimate: mean(withLift.map((o) => lift(o).difference)),
    coverage: share(withLift.map((o) => lift(o).lower <= o.truth.difference && o.truth.difference <= lift(o).upper)),
    sequentialCoverage: share(withLift.map((o) => lift(o).sequentialLower <= o.truth.difference && o.truth.difference <= lift(o).sequentialUpper)),
    significant: share(withLift.map((o) => lift(o).significant)),
    sequentialSignificant: share(withLift.map((o) => lift(o).sequentialSignificant)),
    rightSign: share(withLift.map((o) => o.truth.difference !== 0 && Math.sign(lift(o).difference) === Math.sign(o.truth.difference))),
    srmFlagged: share(outcomes.map((o) => o.srm?.mismatch === true)),
    exactCountRuns: outcomes.filter(sameCounts).length,
    variantMismatches: outcomes.reduce((s, o) => s + o.variantMismatches, 0),
    pageMismatches: outcomes.reduce((s, o) => s + o.pageMismatches, 0),
    meanPlayed: mean(outcomes.map((o) => o.played)),
    meanSeconds: mean(outcomes.map((o) => o.ms / 1000)),
  };
}
