// Turns FeatureRows into the matrix k-means works on. Per column, in order:
//   1. missing numeric values (null, NaN) are imputed with the column median of the known values; a
//      missing affinity is 0 (affinities are sparse: absent means none observed);
//   2. columns in `logFeatures` go through the signed log transform sign(x) log(1 + |x|), which tames
//      heavy-tailed counts (views, monetary) and is defined for every real;
//   3. z-score with the population standard deviation, z = (x - mean) / sd.
// A column with no known value or (numerically) no spread carries no information for clustering and
// would divide by zero: it is dropped and listed in `dropped`. O(n * columns) plus a sort per column.
import type { FeatureRow } from './feature-table.ts';
import { numericValue } from './feature-table.ts';

export interface StandardiseOptions {
  /** Numeric feature names (FeatureRow.values). */
  readonly features: readonly string[];
  /** Affinity keys ('category:c1', 'tag:t3'); a missing affinity counts as 0. */
  readonly affinityKeys?: readonly string[];
  readonly logFeatures?: ReadonlySet<string>;
}

export interface StandardisedTable {
  /** Every requested column: features, then affinity keys. */
  readonly keys: readonly string[];
  /** Raw values per column (keys order), null where unknown; affinities already 0 where absent. */
  readonly raw: readonly (readonly (number | null)[])[];
  /** Median of the known values per column (keys order), null when the column has none. */
  readonly medians: readonly (number | null)[];
  /** The columns kept (keys order) and the ones dropped for having no spread. */
  readonly used: readonly string[];
  readonly dropped: readonly string[];
  /** n points, one z-score per used column. */
  readonly points: number[][];
}

/** Relative spread below which a column counts as constant (floating-point noise, not information). */
const CONSTANT_SD = 1e-12;

export function standardise(rows: readonly FeatureRow[], opts: StandardiseOptions): StandardisedTable {
  const affinityKeys = opts.affinityKeys ?? [];
  const keys = [...opts.features, ...affinityKeys];
  const raw = [
    ...opts.features.map((f) => rows.map((row) => numericValue(row, f))),
    ...affinityKeys.map((k) => rows.map((row) => {
      const v = row.affinities?.[k];
      return typeof v === 'number' && Number.isFinite(v) ? v : 0;
    })),
  ];
  const medians = raw.map((column) => median(column.filter((v): v is number => v !== null)));
  const used: string[] = [];
  const dropped: string[] = [];
  const zColumns: Float64Array[] = [];
  keys.forEach((key, c) => {
    const med = medians[c] ?? null;
    const column = raw[c] as (number | null)[];
    if (med === null) {
      dropped.push(key);
      return;
    }
    const log = opts.logFeatures?.has(key) === true;
    const x = Float64Array.from(column, (v) => (log ? signedLog1p(v ?? med) : (v ?? med)));
    const mean = x.reduce((s, v) => s + v, 0) / x.length;
    const sd = Math.sqrt(x.reduce((s, v) => s + (v - mean) ** 2, 0) / x.length);
    if (!(sd > CONSTANT_SD * (1 + Math.abs(mean)))) {
      dropped.push(key);
      return;
    }
    used.push(key);
    zColumns.push(x.map((v) => (v - mean) / sd));
  });
  const points = rows.map((_, i) => zColumns.map((col) => col[i] as number));
  return { keys, raw, medians, used, dropped, points };
}

/** sign(x) log(1 + |x|): log1p for counts, odd-symmetric so negative values keep their order. */
export const signedLog1p = (x: number): number => Math.sign(x) * Math.log1p(Math.abs(x));

/** Median (mean of the two middle values for an even count); null for no values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = Float64Array.from(values).sort();
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}
