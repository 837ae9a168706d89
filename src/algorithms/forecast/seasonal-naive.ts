// Seasonal naive forecast (Hyndman & Athanasopoulos, "Forecasting: Principles and Practice", 3rd ed., §5.2):
//   yhat_{T+h|T} = y_{T+h-m*ceil(h/m)}
// each future day repeats the same weekday of the last observed week. The benchmark Holt-Winters must beat,
// and the scale of MASE (forecast-errors.ts). O(h).
import { invalidInput } from '../../domain/errors.ts';

export function seasonalNaive(series: readonly number[], horizon: number, seasonLength = 7): number[] {
  const m = seasonLength;
  if (!Number.isInteger(m) || m < 1) throw invalidInput('seasonLength must be a positive integer', { seasonLength });
  if (!Number.isInteger(horizon) || horizon < 1) throw invalidInput('horizon must be a positive integer', { horizon });
  if (series.length < m) throw invalidInput('seasonal naive needs at least one full season', { length: series.length, seasonLength });
  const last = series.length - 1; // index of y_T
  const out: number[] = [];
  for (let h = 1; h <= horizon; h++) out.push(series[last + h - m * Math.ceil(h / m)] ?? 0);
  return out;
}
