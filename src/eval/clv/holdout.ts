// Holdout check of a BG/NBD fit, as in Fader, Hardie & Lee (2005, section 4 and Figure 4): customers grouped by
// the number of repeat purchases x in calibration (0..6 and 7+); per group, the mean number of repeat purchases
// actually made in the holdout period against the mean conditional expectation E[Y(t) | x, t_x, T] (eq. 10)
// with t the holdout length. Holdout purchases are counted as purchase days (same-day lines merged), the same
// unit as x.
import { expectedPurchases, type BgNbdParams } from '../../algorithms/clv/bg-nbd.ts';
import { summarise, utcDay, type CustomerSummary, type Transaction } from '../../algorithms/clv/customer-summary.ts';

export interface HoldoutCustomer {
  readonly summary: CustomerSummary;
  /** Distinct purchase days after the calibration end day, up to and including the holdout end day. */
  readonly holdoutPurchases: number;
}

export interface HoldoutBin {
  /** "0".."6", "7+" or "all". */
  readonly label: string;
  readonly customers: number;
  readonly meanActual: number;
  readonly meanExpected: number;
}

/** Calibration summaries and holdout counts for every customer who bought by the calibration end. */
export function holdoutCustomers(
  purchasesByCustomer: Iterable<readonly Transaction[]>,
  calibrationEndTs: number,
  holdoutEndTs: number,
  unitDays: number,
): HoldoutCustomer[] {
  const [calDay, endDay] = [utcDay(calibrationEndTs), utcDay(holdoutEndTs)];
  const out: HoldoutCustomer[] = [];
  for (const purchases of purchasesByCustomer) {
    const summary = summarise(purchases, calibrationEndTs, unitDays);
    if (summary === undefined) continue;
    const days = new Set(purchases.map((p) => utcDay(p.ts)).filter((d) => d > calDay && d <= endDay));
    out.push({ summary, holdoutPurchases: days.size });
  }
  return out;
}

/** Bins x = 0..lastBin-1 and lastBin+ (7+ by default), then the total; empty bins are kept with zeros. */
export function holdoutBins(customers: readonly HoldoutCustomer[], params: BgNbdParams, holdoutLength: number, lastBin = 7): HoldoutBin[] {
  const acc = Array.from({ length: lastBin + 1 }, () => ({ n: 0, actual: 0, expected: 0 }));
  const total = { n: 0, actual: 0, expected: 0 };
  for (const { summary: s, holdoutPurchases } of customers) {
    const expected = expectedPurchases(params, holdoutLength, s.x, s.tx, s.T);
    for (const bin of [acc[Math.min(s.x, lastBin)], total]) {
      if (bin === undefined) continue;
      bin.n += 1;
      bin.actual += holdoutPurchases;
      bin.expected += expected;
    }
  }
  const row = (label: string, b: { n: number; actual: number; expected: number }): HoldoutBin => ({
    label,
    customers: b.n,
    meanActual: b.n === 0 ? 0 : b.actual / b.n,
    meanExpected: b.n === 0 ? 0 : b.expected / b.n,
  });
  return [...acc.map((b, i) => row(i === lastBin ? `${lastBin}+` : String(i), b)), row('all', total)];
}

/** Markdown table of the bins; the last column is expected - actual. */
export function holdoutTable(bins: readonly HoldoutBin[]): string {
  const lines = ['| x (calibration) | customers | mean actual (holdout) | mean expected E[Y(t)] | expected - actual |', '|---|---:|---:|---:|---:|'];
  for (const b of bins) {
    const label = b.label === 'all' ? '**all**' : b.label;
    lines.push(`| ${label} | ${b.customers} | ${b.meanActual.toFixed(3)} | ${b.meanExpected.toFixed(3)} | ${(b.meanExpected - b.meanActual).toFixed(3)} |`);
  }
  return lines.join('\n');
}
