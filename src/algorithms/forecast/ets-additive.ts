// Additive-error exponential smoothing in error-correction (state space) form, the one recursion behind every
// method of this folder (Hyndman, Koehler, Ord & Snyder 2008, "Forecasting with Exponential Smoothing",
// ch. 2, state space equations of ETS(A,Ad,A) and its special cases):
//   yhat_t = l_{t-1} + phi b_{t-1} + s_{t-m}          e_t = y_t - yhat_t
//   l_t = l_{t-1} + phi b_{t-1} + alpha e_t           b_t = phi b_{t-1} + beta e_t           s_t = s_{t-m} + gamma e_t
// Holt-Winters ETS(A,A,A) is phi = 1; damped 0 < phi < 1; simple exponential smoothing ETS(A,N,N) has
// b = s = 0 and beta = gamma = 0; the naive forecast is SES with alpha = 1; seasonal naive is level 0,
// alpha = beta = 0, gamma = 1 (s_t = y_t). One filter and one variance formula therefore serve all of them.
// Filtering is O(n), forecasting O(h), the variance multipliers O(h).

/** Smoothing weights of the error-correction form (not the traditional (0,1) parameters: see holt-winters.ts). */
export interface EtsWeights {
  readonly alpha: number;
  readonly beta: number;
  readonly gamma: number;
  readonly phi: number;
}

/** The state after the last observation T. `season[j]` is s_{T+1+j-m}: season[0] is used for T+1. */
export interface EtsState {
  readonly level: number;
  readonly trend: number;
  readonly season: readonly number[];
}

export interface EtsFilterResult {
  /** Sum of squared one-step-ahead errors over every observation. */
  readonly sse: number;
  readonly state: EtsState;
}

/** Runs the recursions over `series` from the initial state (time 0). */
export function etsFilter(series: readonly number[], w: EtsWeights, initial: EtsState): EtsFilterResult {
  const m = initial.season.length;
  const season = [...initial.season];
  let level = initial.level;
  let trend = initial.trend;
  let sse = 0;
  for (let t = 0; t < series.length; t++) {
    const j = t % m; // season[j] holds s_{t-m} in the ring buffer
    const s = season[j] ?? 0;
    const e = (series[t] ?? 0) - (level + w.phi * trend + s);
    sse += e * e;
    level = level + w.phi * trend + w.alpha * e;
    trend = w.phi * trend + w.beta * e;
    season[j] = s + w.gamma * e;
  }
  // Rotate the ring so that index 0 is the seasonal state for T+1.
  const shift = series.length % m;
  return { sse, state: { level, trend, season: [...season.slice(shift), ...season.slice(0, shift)] } };
}

/** Point forecasts yhat_{T+h|T} = l_T + (phi + ... + phi^h) b_T + s_{T+h-m(k+1)}, k = floor((h-1)/m), h = 1..horizon. */
export function etsForecastMean(state: EtsState, w: EtsWeights, horizon: number): number[] {
  const m = state.season.length;
  const out: number[] = [];
  let phiSum = 0;
  let phiPow = 1;
  for (let h = 1; h <= horizon; h++) {
    phiPow *= w.phi;
    phiSum += phiPow;
    out.push(state.level + phiSum * state.trend + (state.season[(h - 1) % m] ?? 0));
  }
  return out;
}

/**
 * v_h / sigma^2 for h = 1..horizon, for the linear ("class 1") models (Hyndman et al. 2008, ch. 6):
 *   v_h = sigma^2 [1 + sum_{j=1}^{h-1} c_j^2],   c_j = alpha + beta (phi + ... + phi^j) + gamma [j mod m = 0].
 * For ETS(A,A,A) this sums to the closed form 1 + (h-1){alpha^2 + alpha beta h + beta^2 h(2h-1)/6}
 * + gamma k {2 alpha + gamma + beta m (k+1)} (checked in the tests); seasonal naive gives k + 1, naive h.
 */
export function etsVarianceMultipliers(w: EtsWeights, seasonLength: number, horizon: number): number[] {
  const out: number[] = [];
  let acc = 1;
  let phiSum = 0;
  let phiPow = 1;
  for (let h = 1; h <= horizon; h++) {
    out.push(acc);
    // c_j for j = h, used from h + 1 on
    phiPow *= w.phi;
    phiSum += phiPow;
    const c = w.alpha + w.beta * phiSum + (h % seasonLength === 0 ? w.gamma : 0);
    acc += c * c;
  }
  return out;
}
