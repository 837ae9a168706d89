// Top-K item-item neighbours by plain cosine over the items' user columns (no shrinkage), in Float64:
//   sim(j, i) = sum_v w_vj * w_vi / (||w_.j|| * ||w_.i||)       over positive weights only
// exactly the similarity of cypher/recs/item-cf.cypher and similar-items.cypher, so a list computed here and
// stored as (:Item)-[:SIMILAR]->(:Item) ranks like those files do (with K >= the catalogue, identically).
// Besides the score each neighbour keeps its dot product and co-user count (similarItems names the count).
// Order per item: score DESC, then item index ASC (the caller's indices are ids sorted ascending, so this is
// the files' "id ASC" tie-break). Items never co-interacted are not neighbours (the files never reach them).
// Co-occurrences are accumulated item by item through user space (Sarwar et al., WWW 2001): O(sum_u deg(u)^2)
// time, O(items) scratch, never a dense item x item matrix. Float64 throughout (the CSR helpers store
// Float32), so scores agree with Neo4j's doubles to rounding.
import { topK } from './top-k.ts';

export interface PositiveInteractions {
  readonly nUsers: number;
  readonly nItems: number;
  /** Parallel arrays of (user index, item index, weight); weights <= 0 are ignored, duplicates summed. */
  readonly users: ArrayLike<number>;
  readonly items: ArrayLike<number>;
  readonly weights: ArrayLike<number>;
}

export interface ItemNeighbourLists {
  /** Length nItems + 1: item i's neighbours occupy [offsets[i], offsets[i + 1]). */
  readonly offsets: Int32Array;
  readonly neighbours: Int32Array;
  readonly scores: Float64Array;
  readonly dots: Float64Array;
  readonly coUsers: Int32Array;
  /** sum_v w_vi^2 over positive weights (the squared norm, 0 for an item without positive interaction). */
  readonly norm2: Float64Array;
}

/** A compressed sparse layout of the positive weights by `rowOf` (user or item), Float64 values. */
function compress(n: number, rowOf: ArrayLike<number>, colOf: ArrayLike<number>, w: ArrayLike<number>): { ptr: Int32Array; idx: Int32Array; val: Float64Array } {
  const ptr = new Int32Array(n + 1);
  for (let e = 0; e < w.length; e++) if ((w[e] as number) > 0) ptr[(rowOf[e] as number) + 1]!++;
  for (let r = 0; r < n; r++) ptr[r + 1]! += ptr[r]!;
  const fill = ptr.slice(0, n);
  const idx = new Int32Array(ptr[n]!);
  const val = new Float64Array(ptr[n]!);
  for (let e = 0; e < w.length; e++) {
    const x = w[e] as number;
    if (!(x > 0)) continue;
    const q = fill[rowOf[e] as number]!++;
    idx[q] = colOf[e] as number;
    val[q] = x;
  }
  return { ptr, idx, val };
}

/** One item's list: neighbour indices best first, with score, dot product and co-user count. */
export interface ItemNeighbourList {
  readonly neighbours: Int32Array;
  readonly scores: Float64Array;
  readonly dots: Float64Array;
  readonly coUsers: Int32Array;
}

/** The interactions indexed once; `list(i, k)` then computes item i's list (so a caller can yield between items). */
export interface ItemCosineScanner {
  readonly nItems: number;
  readonly norm2: Float64Array;
  list(i: number, k: number): ItemNeighbourList;
}

export function itemCosineScanner(m: PositiveInteractions): ItemCosineScanner {
  const n = m.users.length;
  if (m.items.length !== n || m.weights.length !== n) throw new RangeError('itemCosineTopK: users, items and weights must have the same length');
  const nItems = m.nItems;
  // One (user, item) pair is one INTERACTED edge in the store; summing duplicates keeps that meaning here.
  const byUser = compress(m.nUsers, m.users, m.items, m.weights);
  const byItem = compress(nItems, m.items, m.users, m.weights);
  const norm2 = new Float64Array(nItems);
  for (let i = 0; i < nItems; i++) {
    let s = 0;
    for (let p = byItem.ptr[i]!; p < byItem.ptr[i + 1]!; p++) s += byItem.val[p]! * byItem.val[p]!;
    norm2[i] = s;
  }
  const dot = new Float64Array(nItems);
  const co = new Int32Array(nItems);
  const touched = new Int32Array(nItems);
  const list = (i: number, k: number): ItemNeighbourList => {
    if (!(k >= 0) || !Number.isInteger(k)) throw new RangeError(`itemCosineTopK: k must be a non-negative integer, got ${k}`);
    let nt = 0;
    for (let p = byItem.ptr[i]!; p < byItem.ptr[i + 1]!; p++) {
      const u = byItem.idx[p]!;
      const w = byItem.val[p]!;
      for (let q = byUser.ptr[u]!; q < byUser.ptr[u + 1]!; q++) {
        const j = byUser.idx[q]!;
        if (j === i) continue;
        if (co[j] === 0) touched[nt++] = j;
        co[j]!++;
        dot[j]! += w * byUser.val[q]!;
      }
    }
    // Touched in user order; sorted by index so topK's "lower position first" tie-break is "lower index first".
    const idx = touched.subarray(0, nt).sort();
    const cand = new Float64Array(nt);
    const ni = Math.sqrt(norm2[i]!);
    for (let t = 0; t < nt; t++) cand[t] = dot[idx[t]!]! / (ni * Math.sqrt(norm2[idx[t]!]!));
    const best = topK(cand, k);
    const neighbours = best.items.map((t) => idx[t]!);
    const out = { neighbours, scores: best.scores, dots: Float64Array.from(neighbours, (j) => dot[j]!), coUsers: Int32Array.from(neighbours, (j) => co[j]!) };
    for (let t = 0; t < nt; t++) {
      dot[idx[t]!] = 0;
      co[idx[t]!] = 0;
    }
    return out;
  };
  return { nItems, norm2, list };
}

/** Each item's `k` most similar items (k >= nItems: every co-interacted item), in one synchronous pass. */
export function itemCosineTopK(m: PositiveInteractions, k: number): ItemNeighbourLists {
  if (!(k >= 0) || !Number.isInteger(k)) throw new RangeError(`itemCosineTopK: k must be a non-negative integer, got ${k}`);
  const scan = itemCosineScanner(m);
  const offsets = new Int32Array(scan.nItems + 1);
  const parts: ItemNeighbourList[] = [];
  for (let i = 0; i < scan.nItems; i++) {
    const l = scan.list(i, k);
    parts.push(l);
    offsets[i + 1] = offsets[i]! + l.neighbours.length;
  }
  const cat = <T extends Int32Array | Float64Array>(make: (n: number) => T, pick: (l: ItemNeighbourList) => T): T => {
    const out = make(offsets[scan.nItems]!);
    parts.forEach((l, i) => out.set(pick(l), offsets[i]!));
    return out;
  };
  return {
    offsets,
    neighbours: cat((n) => new Int32Array(n), (l) => l.neighbours),
    scores: cat((n) => new Float64Array(n), (l) => l.scores),
    dots: cat((n) => new Float64Array(n), (l) => l.dots),
    coUsers: cat((n) => new Int32Array(n), (l) => l.coUsers),
    norm2: scan.norm2,
  };
}
