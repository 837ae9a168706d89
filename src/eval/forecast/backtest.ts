// Rolling-origin backtest (Tashman 2000, "Out-of-sample tests of forecasting accuracy"): for each series,
// forecast from several origins T_k = n - h - k * step (k = 0..origins-1, the latest first), each time fitting
// on y_1..y_{T_k} only and scoring the next h values. Holt-Winters (forecastDaily: the product's forecast,
// damped or not by AIC unless fixed) against seasonal naive, by MASE (scaled on that origin's training data) and
// sMAPE, plus RMSSE (the squared-error scale, fair to a mean forecast on sparse counts). An origin with fewer than 2m training points is skipped, so every Holt-Winters forecast here is a
// real Holt-Winters fit; an origin whose MASE scale is 0 (e.g. an all-zero training window) is dropped for both
// methods (paired comparison) and counted. Per series the scores are averaged over its origins; the report
// gives mean and median over series.
import { forecastDaily, type ForecastMethod } from '../../algorithms/forecast/holt-winters.ts';
import { mase, rmsse, smape } from '../../algorithms/forecast/forecast-errors.ts';
import { seasonalNaive } from '../../algorithms/forecast/seasonal-naive.ts';
import { quantile } from '../../algorithms/stats/quantile.ts';

export interface NamedSeries {
  readonly name: string;
  readonly values: readonly number[];
}

export interface BacktestOptions {
  readonly horizon: number;
  readonly origins: number;
  /** Distance between consecutive origins (default: horizon, non-overlapping test windows). */
  readonly step?: number;
  readonly seasonLength: number;
  /** Fixed damping; undefined lets forecastDaily choose by AIC. */
  readonly damped?: boolean;
}

export interface MethodSummary {
  readonly maseMean: number;
  readonly maseMedian: number;
  readonly rmsseMean: number;
  readonly rmsseMedian: number;
  readonly smapeMean: number;
  readonly smapeMedian: number;
}

export interface BacktestResult {
  readonly seriesScored: number;
  /** Series with no usable origin (too short, or every origin had a zero MASE scale). */
  readonly seriesSkipped: number;
  readonly forecastsScored: number;
  readonly zeroScaleOrigins: number;
  readonly holtWinters: MethodSummary | null;
  readonly seasonalNaive: MethodSummary | null;
  /** How often forecastDaily picked each method. */
  readonly methods: Readonly<Partial<Record<ForecastMethod, number>>>;
  readonly fitMillis: number;
}

interface Scores {
  readonly mase: number;
  readonly rmsse: number;
  readonly smape: number;
}

interface SeriesScore {
  readonly hw: Scores;
  readonly sn: Scores;
}

export function rollingOriginBacktest(series: readonly NamedSeries[], o: BacktestOptions): BacktestResult {
  const { horizon: h, origins, seasonLength: m } = o;
  const step = o.step ?? h;
  const scores: SeriesScore[] = [];
  const methods: Partial<Record<ForecastMethod, number>> = {};
  let zeroScaleOrigins = 0;
  let forecastsScored = 0;
  let fitMillis = 0;
  for (const s of series) {
    const per: SeriesScore[] = [];
    for (let k = 0; k < origins; k++) {
      const t = s.values.length - h - k * step;
      if (t < 2 * m) break;
      const train = s.values.slice(0, t);
      const test = s.values.slice(t, t + h);
      const start = performance.now();
      const hw = forecastDaily(train, h, { seasonLength: m, ...(o.damped === undefined ? {} : { damped: o.damped }) });
      fitMillis += performance.now() - start;
      const sn = seasonalNaive(train, h, m);
      const hwScores = scoresOf(test, hw.mean, train, m);
      const snScores = scoresOf(test, sn, train, m);
      if (hwScores === null || snScores === null) {
        zeroScaleOrigins++;
        continue;
      }
      methods[hw.method] = (methods[hw.method] ?? 0) + 1;
      per.push({ hw: hwScores, sn: snScores });
    }
    forecastsScored += per.length;
    if (per.length > 0) {
      scores.push({ hw: averageScores(per.map((x) => x.hw)), sn: averageScores(per.map((x) => x.sn)) });
    }
  }
  return {
    seriesScored: scores.length,
    seriesSkipped: series.length - scores.length,
    forecastsScored,
    zeroScaleOrigins,
    holtWinters: summary(scores.map((x) => x.hw)),
    seasonalNaive: summary(scores.map((x) => x.sn)),
    methods,
    fitMillis,
  };
}

/** null when the MASE scale is 0 (then the RMSSE scale is 0 too: both vanish iff y_t = y_{t-m} throughout). */
function scoresOf(test: readonly number[], forecast: readonly number[], train: readonly number[], m: number): Scores | null {
  const maseValue = mase(test, forecast, train, m);
  const rmsseValue = rmsse(test, forecast, train, m);
  if (maseValue === null || rmsseValue === null) return null;
  return { mase: maseValue, rmsse: rmsseValue, smape: smape(test, forecast) };
}

function averageScores(list: readonly Scores[]): Scores {
  const avg = (f: (x: Scores) => number): number => list.reduce((a, x) => a + f(x), 0) / list.length;
  return { mase: avg((x) => x.mase), rmsse: avg((x) => x.rmsse), smape: avg((x) => x.smape) };
}

function summary(list: readonly Scores[]): MethodSummary | null {
  if (list.length === 0) return null;
  const mean = (f: (x: Scores) => number): number => list.reduce((a, x) => a + f(x), 0) / list.length;
  const median = (f: (x: Scores) => number): number => quantile(list.map(f), 0.5) ?? NaN;
  return {
    maseMean: mean((x) => x.mase),
    maseMedian: median((x) => x.mase),
    rmsseMean: mean((x) => x.rmsse),
    rmsseMedian: median((x) => x.rmsse),
    smapeMean: mean((x) => x.smape),
    smapeMedian: median((x) => x.smape),
  };
}
