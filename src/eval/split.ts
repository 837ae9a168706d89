// Train / valid / test splits over a data set's (user, item) pairs.
// random811: RecBole's per-user ratio split (RecBole `split_by_ratio` with group_by=user, order=RO): shuffle
//   each user's pairs with a seeded RNG, valid = floor(0.1 n), test = floor(0.1 n), and a user with fewer
//   than 10 pairs still gets 1 test and 1 valid pair while at least 2 stay in train (RecBole's
//   _calcu_split_ids rule), train = the rest.
// temporal: the same per-user counts, but pairs ordered by time (ties: lower item index) instead of shuffled:
//   the user's oldest 80% train, the next 10% valid, the newest 10% test.
import { createRng, shuffleInPlace } from '../algorithms/recs/index.ts';
import type { Dataset } from './datasets/dataset.ts';

export type Protocol = 'random811' | 'temporal';

export interface Split {
  /** Pair indices (into dataset.pairs) per part. */
  readonly train: Int32Array;
  readonly valid: Int32Array;
  readonly test: Int32Array;
}

/** RecBole's split sizes for n pairs and ratios [0.8, 0.1, 0.1]: [train, valid, test]. */
export function ratioCounts(n: number, ratios: readonly [number, number, number] = [0.8, 0.1, 0.1]): [number, number, number] {
  const cnt: [number, number, number] = [0, Math.floor(ratios[1] * n), Math.floor(ratios[2] * n)];
  cnt[0] = n - cnt[1] - cnt[2];
  for (let i = 1; i <= 2; i++) {
    if (cnt[0] <= 1) break;
    const idx = 3 - i; // RecBole walks from the last part backwards
    const want = ratios[idx as 1 | 2] * n;
    if (want > 0 && want < 1) {
      cnt[idx as 1 | 2]++;
      cnt[0]--;
    }
  }
  return cnt;
}

export function splitPairs(ds: Dataset, protocol: Protocol, seed: number): Split {
  const byUser: number[][] = Array.from({ length: ds.nUsers }, () => []);
  for (let e = 0; e < ds.pairs.users.length; e++) byUser[ds.pairs.users[e]!]!.push(e);
  const rng = createRng(seed);
  const train: number[] = [];
  const valid: number[] = [];
  const test: number[] = [];
  const times = ds.pairs.times;
  if (protocol === 'temporal' && times === undefined) throw new Error(`data set ${ds.name} has no timestamps for a temporal split`);
  for (const list of byUser) {
    const arr = Int32Array.from(list);
    if (protocol === 'random811') shuffleInPlace(arr, rng);
    else arr.sort((x, y) => times![x]! - times![y]! || ds.pairs.items[x]! - ds.pairs.items[y]!);
    const [nt, nv] = ratioCounts(arr.length);
    arr.forEach((e, k) => (k < nt ? train : k < nt + nv ? valid : test).push(e));
  }
  return { train: Int32Array.from(train), valid: Int32Array.from(valid), test: Int32Array.from(test) };
}
