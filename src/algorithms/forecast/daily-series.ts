// Buckets event timestamps (epoch milliseconds) into a zero-filled count series: one count per UTC day by
// default, or per `bucketHours` hours (which must divide 24, so buckets never straddle a UTC midnight and
// every day starts a bucket). Buckets are aligned on the epoch, i.e. on UTC midnights. The series covers whole
// buckets, from the one containing fromTs to the one containing toTs, both included; a timestamp counts iff
// its bucket is in that range (so an event earlier on fromTs's day counts too). O(timestamps + buckets).
import { invalidInput } from '../../domain/errors.ts';

const HOUR_MS = 3_600_000;
/** Guards against a swapped unit (seconds for ms) turning into a billion-element array. */
export const MAX_BUCKETS = 1_000_000;

export interface BucketOptions {
  /** Bucket size in hours, a divisor of 24 (default 24: daily counts). */
  readonly bucketHours?: number;
}

export interface CountSeries {
  /** UTC date (YYYY-MM-DD) of the first bucket. */
  readonly startDay: string;
  /** Epoch ms of the first bucket's start. */
  readonly startTs: number;
  readonly bucketMs: number;
  readonly counts: number[];
}

export function dailyCounts(timestamps: readonly number[], fromTs: number, toTs: number, options: BucketOptions = {}): CountSeries {
  const hours = options.bucketHours ?? 24;
  if (!Number.isInteger(hours) || hours < 1 || 24 % hours !== 0) {
    throw invalidInput('bucketHours must be a divisor of 24 (1, 2, 3, 4, 6, 8, 12 or 24)', { bucketHours: hours });
  }
  if (!Number.isFinite(fromTs) || !Number.isFinite(toTs) || fromTs > toTs) {
    throw invalidInput('need finite fromTs <= toTs (epoch milliseconds)', { fromTs, toTs });
  }
  const bucketMs = hours * HOUR_MS;
  const first = Math.floor(fromTs / bucketMs);
  const length = Math.floor(toTs / bucketMs) - first + 1;
  if (length > MAX_BUCKETS) throw invalidInput(`the range spans more than ${MAX_BUCKETS} buckets`, { fromTs, toTs, bucketHours: hours });
  const counts = new Array<number>(length).fill(0);
  for (const ts of timestamps) {
    if (!Number.isFinite(ts)) throw invalidInput('timestamps must be finite epoch milliseconds', { ts });
    const i = Math.floor(ts / bucketMs) - first;
    if (i >= 0 && i < length) counts[i] = (counts[i] ?? 0) + 1;
  }
  const startTs = first * bucketMs;
  return { startDay: new Date(startTs).toISOString().slice(0, 10), startTs, bucketMs, counts };
}
