// Top-k selection over a dense score vector with a size-k min-heap: O(n log k) time, O(k) memory.
// Order: higher score first; equal scores -> lower item index first (so results never depend on heap
// internals). NaN and -Infinity scores are never returned, which lets callers exclude items by writing
// -Infinity; `exclude` does the same without touching the scores.

export interface Ranked {
  readonly items: Int32Array;
  readonly scores: Float64Array;
}

/** Item indices excluded from a ranking: a set, a list of indices or a 0/1 mask over the catalogue. */
export type Exclusion = ReadonlySet<number> | ArrayLike<number> | Uint8Array;

// a ranks above b
const better = (sa: number, ia: number, sb: number, ib: number): boolean => sa > sb || (sa === sb && ia < ib);

export function topK(scores: ArrayLike<number>, k: number, exclude?: Exclusion): Ranked {
  const n = scores.length;
  const kk = Math.max(0, Math.min(Math.floor(k), n));
  let mask: Uint8Array | undefined;
  if (exclude !== undefined) {
    if (exclude instanceof Uint8Array && exclude.length === n) mask = exclude;
    else {
      mask = new Uint8Array(n);
      const list: Iterable<number> = isSet(exclude) ? exclude : Array.from(exclude as ArrayLike<number>);
      for (const i of list) if (i >= 0 && i < n) mask[i] = 1;
    }
  }
  const hs = new Float64Array(kk);
  const hi = new Int32Array(kk);
  let size = 0;
  for (let i = 0; i < n && kk > 0; i++) {
    const s = scores[i] as number;
    if (!(s > -Infinity) || (mask !== undefined && mask[i] === 1)) continue;
    if (size < kk) {
      // sift up: the root is the worst element kept
      let c = size++;
      while (c > 0) {
        const p = (c - 1) >> 1;
        if (!better(hs[p]!, hi[p]!, s, i)) break;
        hs[c] = hs[p]!;
        hi[c] = hi[p]!;
        c = p;
      }
      hs[c] = s;
      hi[c] = i;
    } else if (better(s, i, hs[0]!, hi[0]!)) {
      siftDown(hs, hi, size, s, i);
    }
  }
  // pop the heap worst-first into the tail of the output
  const items = new Int32Array(size);
  const out = new Float64Array(size);
  for (let m = size; m > 0; m--) {
    items[m - 1] = hi[0]!;
    out[m - 1] = hs[0]!;
    const ls = hs[m - 1]!;
    const li = hi[m - 1]!;
    siftDown(hs, hi, m - 1, ls, li);
  }
  return { items, scores: out };
}

function siftDown(hs: Float64Array, hi: Int32Array, size: number, s: number, i: number): void {
  let c = 0;
  for (;;) {
    let w = 2 * c + 1;
    if (w >= size) break;
    if (w + 1 < size && better(hs[w]!, hi[w]!, hs[w + 1]!, hi[w + 1]!)) w++;
    if (!better(s, i, hs[w]!, hi[w]!)) break;
    hs[c] = hs[w]!;
    hi[c] = hi[w]!;
    c = w;
  }
  if (size > 0) {
    hs[c] = s;
    hi[c] = i;
  }
}

function isSet(x: Exclusion): x is ReadonlySet<number> {
  return x instanceof Set;
}
