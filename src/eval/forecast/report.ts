// Markdown for the forecast backtest: one block of rows per source (Holt-Winters, seasonal naive, their
// ratio), and a sentence per source saying which method won, computed from the same numbers.
import type { BacktestResult, MethodSummary } from './backtest.ts';

export interface SourceReport {
  readonly label: string;
  readonly unit: 'hour' | 'day';
  readonly seasonLength: number;
  readonly horizon: number;
  readonly origins: number;
  readonly result: BacktestResult;
}

const f = (x: number, d: number): string => (Number.isFinite(x) ? x.toFixed(d) : '-');

export function backtestTable(reports: readonly SourceReport[]): string {
  const head = '| source | series scored (skipped) | m | horizon | origins | forecasts | method | MASE mean | MASE median | RMSSE mean | RMSSE median | sMAPE mean % | sMAPE median % |';
  const sep = '|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|';
  const rows: string[] = [];
  for (const r of reports) {
    const res = r.result;
    const lead = `| ${r.label} | ${res.seriesScored} (${res.seriesSkipped}) | ${r.seasonLength} | ${r.horizon} ${r.unit}s | ${r.origins} | ${res.forecastsScored}`;
    const blank = '| | | | | | ';
    const line = (name: string, s: MethodSummary | null): string =>
      s === null
        ? `| ${name} | - | - | - | - | - | - |`
        : `| ${name} | ${f(s.maseMean, 3)} | ${f(s.maseMedian, 3)} | ${f(s.rmsseMean, 3)} | ${f(s.rmsseMedian, 3)} | ${f(s.smapeMean, 1)} | ${f(s.smapeMedian, 1)} |`;
    rows.push(`${lead} ${line('Holt-Winters', res.holtWinters)}`);
    rows.push(`${blank}${line('seasonal naive', res.seasonalNaive)}`);
    const hw = res.holtWinters;
    const sn = res.seasonalNaive;
    if (hw !== null && sn !== null) {
      const ratio = (a: number, b: number): string => (b > 0 ? f(a / b, 3) : '-');
      rows.push(
        `${blank}| HW / seasonal naive | ${ratio(hw.maseMean, sn.maseMean)} | ${ratio(hw.maseMedian, sn.maseMedian)} | ` +
          `${ratio(hw.rmsseMean, sn.rmsseMean)} | ${ratio(hw.rmsseMedian, sn.rmsseMedian)} | ${ratio(hw.smapeMean, sn.smapeMean)} | ${ratio(hw.smapeMedian, sn.smapeMedian)} |`,
      );
    }
  }
  return [head, sep, ...rows].join('\n');
}

/** One line per source: methods chosen, zero-scale origins dropped, fit time, and the verdict by mean MASE. */
export function backtestNotes(reports: readonly SourceReport[]): string[] {
  return reports.map((r) => {
    const res = r.result;
    const methods = Object.entries(res.methods).map(([k, v]) => `${k} ${v}`).join(', ') || 'none';
    const hw = res.holtWinters;
    const sn = res.seasonalNaive;
    const verdict =
      hw === null || sn === null
        ? 'no series could be scored'
        : hw.maseMean < sn.maseMean
          ? `Holt-Winters beats seasonal naive by mean MASE (${f((1 - hw.maseMean / sn.maseMean) * 100, 1)} % lower)`
          : `Holt-Winters does not beat seasonal naive by mean MASE (${f((hw.maseMean / sn.maseMean - 1) * 100, 1)} % higher)`;
    const bySquares =
      hw === null || sn === null ? '' : `; by mean RMSSE it is ${hw.rmsseMean < sn.rmsseMean ? 'better' : 'not better'} (ratio ${f(hw.rmsseMean / sn.rmsseMean, 3)})`;
    const perFit = res.forecastsScored > 0 ? res.fitMillis / res.forecastsScored : NaN;
    return `- ${r.label}: ${verdict}${bySquares}. Methods chosen: ${methods}; origins dropped for a zero MASE scale: ${res.zeroScaleOrigins}; fit + forecast ${f(perFit, 1)} ms per series and origin.`;
  });
}
