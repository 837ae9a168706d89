// The name of the method that produced a forecast, shown by the API next to the numbers. Every method is an
// additive exponential smoothing model (see ets-additive.ts); the short-series fallbacks are chosen in
// holt-winters.ts.
export const FORECAST_METHODS = ['holt-winters', 'holt-winters-damped', 'simple-exponential-smoothing', 'seasonal-naive', 'naive'] as const;
export type ForecastMethod = (typeof FORECAST_METHODS)[number];

/** Two-sided prediction interval levels offered, with the standard normal quantile z_{(1+level)/2}. */
export const INTERVAL_Z = { 0.8: 1.2815516, 0.95: 1.959964 } as const;
export type IntervalLevel = keyof typeof INTERVAL_Z;

export interface Forecast {
  /** Point forecasts for steps 1..horizon, clamped at 0 (the series are counts). */
  mean: number[];
  lower: number[];
  upper: number[];
  level: IntervalLevel;
  method: ForecastMethod;
}
