// RFM segmentation (Hughes 1994, "Strategic Database Marketing"): recency, frequency and monetary value
// each scored 1..5 by quintile among the users who purchased, then named by the common R x FM grid.
//
// Quintile score with ties: score = 1 + floor(5 * worse / n), where n is the number of scored users and
// `worse` the number of them with a strictly worse value (R: more days since the last purchase is worse;
// F, M: a smaller value is worse). Equal values therefore always share a score, the best value scores 5
// when n >= 2 (worse = n - 1 gives 1 + floor(5 - 5/n)), and a lone user scores 1. O(n log n).
//
// Who is scored: a user with a last purchase (recencyDays not null) and known frequency and monetary value.
// That works whether frequency counts all purchases or only repeats (BG/NBD style, 0 for a one-time
// buyer). Users without a purchase get no score and no segment.
import { invalidInput } from '../../domain/errors.ts';

export interface RfmInput {
  readonly userId: string;
  readonly recencyDays: number | null;
  readonly frequency: number | null;
  readonly monetary: number | null;
}

export interface RfmScore {
  readonly r: number;
  readonly f: number;
  readonly m: number;
}

export function rfmScores(rows: readonly RfmInput[]): Map<string, RfmScore> {
  const scored = rows.filter(
    (row): row is RfmInput & { recencyDays: number; frequency: number; monetary: number } =>
      isFinite(row.recencyDays) && isFinite(row.frequency) && isFinite(row.monetary),
  );
  const seen = new Set<string>();
  for (const row of scored) {
    if (seen.has(row.userId)) throw invalidInput(`rfmScores: user '${row.userId}' appears twice`, { userId: row.userId });
    seen.add(row.userId);
  }
  const n = scored.length;
  // worse-counts via sorted arrays: values strictly below x are found by binary search.
  const negRecency = sortedAscending(scored.map((row) => -row.recencyDays));
  const frequency = sortedAscending(scored.map((row) => row.frequency));
  const monetary = sortedAscending(scored.map((row) => row.monetary));
  const score = (sorted: Float64Array, v: number): number => 1 + Math.floor((5 * countBelow(sorted, v)) / n);
  const out = new Map<string, RfmScore>();
  for (const row of scored) {
    out.set(row.userId, {
      r: score(negRecency, -row.recencyDays),
      f: score(frequency, row.frequency),
      m: score(monetary, row.monetary),
    });
  }
  return out;
}

const isFinite = (v: number | null): v is number => typeof v === 'number' && Number.isFinite(v);

function sortedAscending(values: number[]): Float64Array {
  return Float64Array.from(values).sort();
}

/** Number of entries strictly below v in an ascending array (lower bound). */
function countBelow(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** FM = the mean of F and M rounded half up (Math.round), as in the R x FM grid: f=1, m=2 gives 2. */
export const rfmFm = (score: Pick<RfmScore, 'f' | 'm'>): number => Math.round((score.f + score.m) / 2);

export type RfmSegmentName =
  | 'champions'
  | 'loyal_customers'
  | 'potential_loyalists'
  | 'new_customers'
  | 'promising'
  | 'need_attention'
  | 'about_to_sleep'
  | 'at_risk'
  | 'cannot_lose_them'
  | 'hibernating'
  | 'lost';

export interface RfmSegmentDef {
  readonly name: RfmSegmentName;
  readonly label: string;
  readonly description: string;
  /** The predicate in words, for the API and the console. */
  readonly rule: string;
  readonly matches: (r: number, fm: number) => boolean;
}

/**
 * The segment map, first match wins; the last row catches everything left. The resulting grid (rows R,
 * columns FM), with every segment reachable:
 *
 *          FM=1         FM=2          FM=3         FM=4         FM=5
 *   R=5    new          potential     loyal        champions    champions
 *   R=4    promising    potential     loyal        champions    champions
 *   R=3    promising    need attn.    loyal        loyal        loyal
 *   R=2    about sleep  need attn.    at risk      at risk      at risk
 *   R=1    lost         hibernating   at risk      cannot lose  cannot lose
 *
 * The ranges follow the common grid (e.g. Putler's "RFM segments" table), narrowed where its ranges overlap.
 */
export const RFM_SEGMENTS: readonly RfmSegmentDef[] = [
  {
    name: 'champions',
    label: 'Champions',
    description: 'Bought recently, buy often and spend the most.',
    rule: 'R >= 4 and FM >= 4',
    matches: (r, fm) => r >= 4 && fm >= 4,
  },
  {
    name: 'loyal_customers',
    label: 'Loyal customers',
    description: 'Buy regularly and spend well; responsive to promotions.',
    rule: 'R >= 3 and FM >= 3',
    matches: (r, fm) => r >= 3 && fm >= 3,
  },
  {
    name: 'cannot_lose_them',
    label: 'Cannot lose them',
    description: 'Used to buy often and spend a lot, but not for a long time.',
    rule: 'R = 1 and FM >= 4',
    matches: (r, fm) => r === 1 && fm >= 4,
  },
  {
    name: 'at_risk',
    label: 'At risk',
    description: 'Spent well and bought often, but long ago.',
    rule: 'R <= 2 and FM >= 3',
    matches: (r, fm) => r <= 2 && fm >= 3,
  },
  {
    name: 'new_customers',
    label: 'New customers',
    description: 'Bought very recently, but little so far.',
    rule: 'R = 5 and FM = 1',
    matches: (r, fm) => r === 5 && fm === 1,
  },
  {
    name: 'promising',
    label: 'Promising',
    description: 'Recent shoppers who have not spent much yet.',
    rule: 'R in 3..4 and FM = 1',
    matches: (r, fm) => r >= 3 && r <= 4 && fm === 1,
  },
  {
    name: 'potential_loyalists',
    label: 'Potential loyalists',
    description: 'Recent customers with average frequency and spend.',
    rule: 'R >= 4 and FM = 2',
    matches: (r, fm) => r >= 4 && fm === 2,
  },
  {
    name: 'need_attention',
    label: 'Need attention',
    description: 'Average recency, frequency and spend; may slip without a nudge.',
    rule: 'R in 2..3 and FM = 2',
    matches: (r, fm) => r >= 2 && r <= 3 && fm === 2,
  },
  {
    name: 'about_to_sleep',
    label: 'About to sleep',
    description: 'Below-average recency and low frequency and spend.',
    rule: 'R = 2 and FM = 1',
    matches: (r, fm) => r === 2 && fm === 1,
  },
  {
    name: 'hibernating',
    label: 'Hibernating',
    description: 'Last purchase long ago, few orders and low spend.',
    rule: 'R = 1 and FM = 2',
    matches: (r, fm) => r === 1 && fm === 2,
  },
  {
    name: 'lost',
    label: 'Lost',
    description: 'Lowest recency, frequency and spend.',
    rule: 'otherwise (R = 1 and FM = 1)',
    matches: () => true,
  },
];

/** The one segment of a scored user (first matching row of RFM_SEGMENTS). */
export function rfmSegment(score: RfmScore): RfmSegmentName {
  const fm = rfmFm(score);
  for (const def of RFM_SEGMENTS) if (def.matches(score.r, fm)) return def.name;
  return 'lost';
}

/** Segment per scored user; users without a purchase are absent. */
export function rfmSegments(rows: readonly RfmInput[]): Map<string, RfmSegmentName> {
  return new Map([...rfmScores(rows)].map(([userId, score]) => [userId, rfmSegment(score)]));
}
