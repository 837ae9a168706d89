// Initial Holt-Winters state from the first two seasons (the classical heuristic described by Hyndman et al.
// 2008, ch. 2, simplified to two seasons). With A1, A2 the means of seasons 1 and 2 (observations 1..m and m+1..2m):
//   b_0 = (A2 - A1) / m                       the change of the seasonal mean per step
//   l_0 = A1 - (m + 1) / 2 * b_0              A1 is the level at the middle of season 1, time (m+1)/2
//   s_i = mean over both seasons of y_{jm+i} - (l_0 + (jm+i) b_0),  i = 1..m.
// The s_i sum to 0 by construction (up to rounding, removed by centring them).
// A noise-free "linear trend + zero-sum season" series is reproduced exactly, so every one-step error is 0.
import type { EtsState } from './ets-additive.ts';

/** Needs series.length >= 2 * seasonLength (checked by the caller). O(m). */
export function holtWintersInitialState(series: readonly number[], seasonLength: number): EtsState {
  const m = seasonLength;
  const y = (t: number): number => series[t - 1] ?? 0; // 1-based, as in the formulas
  let a1 = 0;
  let a2 = 0;
  for (let i = 1; i <= m; i++) {
    a1 += y(i) / m;
    a2 += y(m + i) / m;
  }
  const trend = (a2 - a1) / m;
  const level = a1 - ((m + 1) / 2) * trend;
  const raw: number[] = [];
  for (let i = 1; i <= m; i++) {
    raw.push((y(i) - (level + i * trend) + (y(m + i) - (level + (m + i) * trend))) / 2);
  }
  const centre = raw.reduce((a, b) => a + b, 0) / m;
  // season[0] is the seasonal state used for time 1 (EtsState's convention).
  return { level, trend, season: raw.map((s) => s - centre) };
}
