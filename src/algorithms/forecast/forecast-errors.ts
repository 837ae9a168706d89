// Forecast accuracy measures (Hyndman & Koehler 2006, "Another look at measures of forecast accuracy").
//
// MASE = mean_h |y_{T+h} - yhat_{T+h}| / Q,  Q = 1/(n-m) sum_{t=m+1}^{n} |y_t - y_{t-m}|
// the scale Q is the in-sample MAE of the one-step seasonal naive forecast (m = 7 for daily data with a weekly
// season), so MASE < 1 means better than that benchmark did in-sample; it is defined for series with zeros,
// unlike MAPE. Zero scale (the training series repeats exactly every m steps, e.g. all zeros): MASE is 0 when
// the forecast errors are also all 0 (0/0 read as a perfect forecast), and null (undefined) otherwise; callers
// aggregating over series skip and count the nulls.
//
// RMSSE = sqrt(mean_h e^2 / Q2),  Q2 = 1/(n-m) sum (y_t - y_{t-m})^2: the squared-error twin of MASE used by the
// M5 competition (Makridakis, Spiliotis & Assimakopoulos 2022; there with m = 1, here m = 7 like MASE). It is
// reported next to MASE because absolute error is minimised by the median, which is 0 for intermittent counts:
// MASE rewards forecasting zeros, while RMSSE is minimised by the mean, which is what Holt-Winters estimates.
// Same zero-scale rule as MASE.
//
// sMAPE = 100/h sum_h 2 |y - yhat| / (|y| + |yhat|), in percent, between 0 and 200; a term with y = yhat = 0
// is defined as 0 (both said nothing happens, and nothing did), which matters for sparse daily counts.
import { invalidInput } from '../../domain/errors.ts';

/** Q, the in-sample mean absolute seasonal-naive error. Needs more than m in-sample points. O(n). */
export function seasonalNaiveScale(insample: readonly number[], seasonLength = 7): number {
  const m = seasonLength;
  if (!Number.isInteger(m) || m < 1) throw invalidInput('seasonLength must be a positive integer', { seasonLength });
  if (insample.length <= m) throw invalidInput('MASE needs more in-sample points than the season length', { length: insample.length, seasonLength });
  let sum = 0;
  for (let t = m; t < insample.length; t++) sum += Math.abs((insample[t] ?? 0) - (insample[t - m] ?? 0));
  return sum / (insample.length - m);
}

export function mase(actual: readonly number[], forecast: readonly number[], insample: readonly number[], seasonLength = 7): number | null {
  checkPair(actual, forecast);
  const scale = seasonalNaiveScale(insample, seasonLength);
  let mae = 0;
  for (let i = 0; i < actual.length; i++) mae += Math.abs((actual[i] ?? 0) - (forecast[i] ?? 0));
  mae /= actual.length;
  if (scale === 0) return mae === 0 ? 0 : null;
  return mae / scale;
}

export function rmsse(actual: readonly number[], forecast: readonly number[], insample: readonly number[], seasonLength = 7): number | null {
  checkPair(actual, forecast);
  const m = seasonLength;
  seasonalNaiveScale(insample, m); // validates m and the in-sample length
  let q2 = 0;
  for (let t = m; t < insample.length; t++) q2 += ((insample[t] ?? 0) - (insample[t - m] ?? 0)) ** 2;
  q2 /= insample.length - m;
  let mse = 0;
  for (let i = 0; i < actual.length; i++) mse += ((actual[i] ?? 0) - (forecast[i] ?? 0)) ** 2;
  mse /= actual.length;
  if (q2 === 0) return mse === 0 ? 0 : null;
  return Math.sqrt(mse / q2);
}

export function smape(actual: readonly number[], forecast: readonly number[]): number {
  checkPair(actual, forecast);
  let sum = 0;
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i] ?? 0;
    const f = forecast[i] ?? 0;
    const denom = Math.abs(a) + Math.abs(f);
    if (denom > 0) sum += (2 * Math.abs(a - f)) / denom;
  }
  return (100 * sum) / actual.length;
}

function checkPair(actual: readonly number[], forecast: readonly number[]): void {
  if (actual.length === 0 || actual.length !== forecast.length) {
    throw invalidInput('actual and forecast must be non-empty and of equal length', { actual: actual.length, forecast: forecast.length });
  }
  if (![...actual, ...forecast].every(Number.isFinite)) throw invalidInput('actual and forecast must be finite numbers', {});
}
