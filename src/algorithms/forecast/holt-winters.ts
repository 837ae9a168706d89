// Additive Holt-Winters (triple exponential smoothing; Holt 1957, Winters 1960) for daily counts with a weekly
// season, with an optional damped trend (Gardner & McKenzie 1985), as the state space models ETS(A,A,A) and
// ETS(A,Ad,A) of Hyndman, Koehler, Ord & Snyder 2008 ("Forecasting with Exponential Smoothing").
//
// Parameters are the traditional ones, each in (0, 1): alpha (level), beta* (trend), gamma* (season), and phi
// (damping) restricted to (0.8, 0.98) as in Hyndman's `forecast` package (phi near 1 is indistinguishable from
// an undamped trend; below 0.8 the trend dies within days). They map to the error-correction weights of
// ets-additive.ts as beta = alpha beta*, gamma = (1 - alpha) gamma* (Hyndman et al. 2008, ch. 2 and ch. 10:
// the usual parameter region 0 < beta < alpha, 0 < gamma < 1 - alpha). They are fitted by minimising the
// one-step-ahead SSE over every observation with numeric.uncmin on logit-transformed values (fit-smoothing.ts).
// The initial state comes from the first two seasons (holt-winters-init.ts), so HW needs n >= 2m.
//
// Short series fall back, and `method` says which: n >= 2m Holt-Winters; MIN_SES_POINTS <= n < 2m simple
// exponential smoothing (alpha fitted, l_0 = y_1); otherwise seasonal naive when n >= m, else naive (last value).
//
// Intervals: sigma^2 = SSE / (n - k), k the number of fitted smoothing parameters, and the class-1 h-step
// variance v_h (ets-additive.ts); mean +- z sqrt(v_h). The series are counts, so mean, lower and upper are
// clamped at 0 (the normal interval itself would go negative for small counts).
import { invalidInput } from '../../domain/errors.ts';
import { etsFilter, etsForecastMean, etsVarianceMultipliers, type EtsState, type EtsWeights } from './ets-additive.ts';
import { fitBounded, type Bounded } from './fit-smoothing.ts';
import { INTERVAL_Z, type Forecast, type ForecastMethod, type IntervalLevel } from './forecast-method.ts';
import { holtWintersInitialState } from './holt-winters-init.ts';

export { FORECAST_METHODS, INTERVAL_Z, type Forecast, type ForecastMethod, type IntervalLevel } from './forecast-method.ts';

export const DEFAULT_SEASON_LENGTH = 7;
/** Below this many points even alpha cannot be estimated from one-step errors worth the name. */
export const MIN_SES_POINTS = 4;
const PHI_BOUNDS = { lo: 0.8, hi: 0.98 } as const;

export interface HoltWintersOptions {
  /** Season length m (default 7: a weekly season of daily counts). Integer >= 2. */
  readonly seasonLength?: number;
  /** Damped trend (ETS(A,Ad,A)); default false. */
  readonly damped?: boolean;
}

/** Traditional smoothing parameters; those a method does not use hold their neutral value (0, or phi = 1). */
export interface SmoothingParameters {
  readonly alpha: number;
  readonly beta: number;
  readonly gamma: number;
  readonly phi: number;
}

export interface HoltWintersModel {
  readonly method: ForecastMethod;
  readonly seasonLength: number;
  /** Observations fitted. */
  readonly n: number;
  readonly params: SmoothingParameters;
  /** State after the last observation. */
  readonly state: EtsState;
  /** One-step-ahead SSE over the observations (for seasonal naive / naive: over those with a predecessor). */
  readonly sse: number;
  /** Residual variance used by the intervals. */
  readonly sigma2: number;
  /** n ln(SSE/n) + 2k, for choosing between fits of the same series (lower is better). */
  readonly aic: number;
}

export function fitHoltWinters(series: readonly number[], options: HoltWintersOptions = {}): HoltWintersModel {
  const m = options.seasonLength ?? DEFAULT_SEASON_LENGTH;
  validateSeries(series, m);
  const n = series.length;
  if (n >= 2 * m) return fitTripleSmoothing(series, m, options.damped === true);
  if (n >= MIN_SES_POINTS) return fitSimpleSmoothing(series, m);
  return n >= m ? seasonalNaiveModel(series, m) : naiveModel(series, m);
}

/** Forecasts h = 1..horizon with a `level` prediction interval (see the file comment). */
export function forecastHoltWinters(model: HoltWintersModel, horizon: number, level: IntervalLevel = 0.95): Forecast {
  if (!Number.isInteger(horizon) || horizon < 1) throw invalidInput('horizon must be a positive integer', { horizon });
  const z = INTERVAL_Z[level];
  if (z === undefined) throw invalidInput('level must be 0.8 or 0.95', { level });
  const w = errorCorrectionWeights(model.params);
  const raw = etsForecastMean(model.state, w, horizon);
  const mult = etsVarianceMultipliers(w, model.seasonLength, horizon);
  const half = mult.map((v) => z * Math.sqrt(model.sigma2 * v));
  return {
    mean: raw.map((x) => Math.max(0, x)),
    lower: raw.map((x, i) => Math.max(0, x - (half[i] ?? 0))),
    upper: raw.map((x, i) => Math.max(0, x + (half[i] ?? 0))),
    level,
    method: model.method,
  };
}

export interface ForecastDailyOptions extends HoltWintersOptions {
  readonly level?: IntervalLevel;
}

export interface DailyForecast extends Forecast {
  readonly model: HoltWintersModel;
}

/**
 * The forecast the API serves: Holt-Winters (or its short-series fallback). When `damped` is not given and
 * the series is long enough for Holt-Winters, both the damped and undamped fits are made and the lower AIC
 * wins (ties: undamped, the simpler model).
 */
export function forecastDaily(series: readonly number[], horizon: number, options: ForecastDailyOptions = {}): DailyForecast {
  const { level = 0.95, damped, seasonLength = DEFAULT_SEASON_LENGTH } = options;
  let model = fitHoltWinters(series, { seasonLength, damped: damped === true });
  if (damped === undefined && model.method === 'holt-winters') {
    const alt = fitHoltWinters(series, { seasonLength, damped: true });
    if (alt.aic < model.aic) model = alt;
  }
  return { ...forecastHoltWinters(model, horizon, level), model };
}

/** beta = alpha beta*, gamma = (1 - alpha) gamma* (Hyndman et al. 2008, ch. 2). */
export function errorCorrectionWeights(p: SmoothingParameters): EtsWeights {
  return { alpha: p.alpha, beta: p.alpha * p.beta, gamma: (1 - p.alpha) * p.gamma, phi: p.phi };
}

function fitTripleSmoothing(series: readonly number[], m: number, damped: boolean): HoltWintersModel {
  const initial = holtWintersInitialState(series, m);
  const scale = varianceScale(series);
  const toParams = (v: readonly number[]): SmoothingParameters => ({
    alpha: v[0] ?? 0,
    beta: v[1] ?? 0,
    gamma: v[2] ?? 0,
    phi: damped ? (v[3] ?? 1) : 1,
  });
  const sseOf = (v: readonly number[]): number => etsFilter(series, errorCorrectionWeights(toParams(v)), initial).sse;
  const bounds: Bounded[] = [
    { lo: 0, hi: 1, grid: [0.1, 0.3, 0.6] },
    { lo: 0, hi: 1, grid: [0.05, 0.2] },
    { lo: 0, hi: 1, grid: [0.05, 0.3] },
  ];
  if (damped) bounds.push({ ...PHI_BOUNDS, grid: [0.9, 0.97] });
  const fit = fitBounded((v) => sseOf(v) / scale, bounds);
  const params = toParams(fit.values);
  const run = etsFilter(series, errorCorrectionWeights(params), initial);
  return fittedModel(damped ? 'holt-winters-damped' : 'holt-winters', series.length, m, params, run.state, run.sse, bounds.length);
}

function fitSimpleSmoothing(series: readonly number[], m: number): HoltWintersModel {
  const initial: EtsState = { level: series[0] ?? 0, trend: 0, season: new Array<number>(m).fill(0) };
  const toParams = (v: readonly number[]): SmoothingParameters => ({ alpha: v[0] ?? 0, beta: 0, gamma: 0, phi: 1 });
  const scale = varianceScale(series);
  const fit = fitBounded((v) => etsFilter(series, errorCorrectionWeights(toParams(v)), initial).sse / scale, [
    { lo: 0, hi: 1, grid: [0.1, 0.3, 0.6, 0.9] },
  ]);
  const params = toParams(fit.values);
  const run = etsFilter(series, errorCorrectionWeights(params), initial);
  return fittedModel('simple-exponential-smoothing', series.length, m, params, run.state, run.sse, 1);
}

/** Seasonal naive as ETS: level 0, alpha = 0, gamma = 1, season = the last m observations. */
function seasonalNaiveModel(series: readonly number[], m: number): HoltWintersModel {
  const n = series.length;
  let sse = 0;
  for (let t = m; t < n; t++) sse += ((series[t] ?? 0) - (series[t - m] ?? 0)) ** 2;
  const state: EtsState = { level: 0, trend: 0, season: series.slice(n - m) };
  return residualModel('seasonal-naive', series, m, { alpha: 0, beta: 0, gamma: 1, phi: 1 }, state, sse, n - m);
}

/** Naive (random walk) as ETS: alpha = 1, the level is the last observation. */
function naiveModel(series: readonly number[], m: number): HoltWintersModel {
  const n = series.length;
  let sse = 0;
  for (let t = 1; t < n; t++) sse += ((series[t] ?? 0) - (series[t - 1] ?? 0)) ** 2;
  const state: EtsState = { level: series[n - 1] ?? 0, trend: 0, season: new Array<number>(m).fill(0) };
  return residualModel('naive', series, m, { alpha: 1, beta: 0, gamma: 0, phi: 1 }, state, sse, n - 1);
}

/**
 * Models with no fitted parameter: sigma^2 = SSE / residuals. With no residual at all (a single season or a
 * single point) the variance of a count is taken as Poisson, sigma^2 = mean of the series.
 */
function residualModel(
  method: ForecastMethod,
  series: readonly number[],
  m: number,
  params: SmoothingParameters,
  state: EtsState,
  sse: number,
  residuals: number,
): HoltWintersModel {
  const n = series.length;
  const sigma2 = residuals > 0 ? sse / residuals : Math.max(0, series.reduce((a, b) => a + b, 0) / n);
  return { method, seasonLength: m, n, params, state, sse, sigma2, aic: aicOf(sse, n, 0) };
}

function fittedModel(
  method: ForecastMethod,
  n: number,
  m: number,
  params: SmoothingParameters,
  state: EtsState,
  sse: number,
  k: number,
): HoltWintersModel {
  return { method, seasonLength: m, n, params, state, sse, sigma2: sse / Math.max(1, n - k), aic: aicOf(sse, n, k) };
}

// SSE = 0 (a noise-free series) would give -Infinity for every fit; the floor keeps the penalty deciding.
const aicOf = (sse: number, n: number, k: number): number => n * Math.log(Math.max(sse / n, 1e-300)) + 2 * k;

/**
 * Divides the SSE by n times the series variance, making the objective scale-free: counts of 3 or of 30,000
 * get the same uncmin tolerances (which apply to steps and gradients). 1 for a constant series.
 */
function varianceScale(series: readonly number[]): number {
  const n = series.length;
  const mean = series.reduce((a, y) => a + y, 0) / n;
  const v = series.reduce((a, y) => a + (y - mean) ** 2, 0);
  return v > 0 ? v : 1;
}

function validateSeries(series: readonly number[], m: number): void {
  if (!Number.isInteger(m) || m < 2) throw invalidInput('seasonLength must be an integer >= 2', { seasonLength: m });
  if (series.length === 0) throw invalidInput('cannot forecast an empty series', {});
  const bad = series.findIndex((y) => !Number.isFinite(y));
  if (bad >= 0) throw invalidInput('series values must be finite numbers', { index: bad });
}
