// Intra-list diversity (Ziegler et al., WWW 2005): ILD(L) = 1 - mean over unordered pairs {i, j} in L of
// cos(f_i, f_j), with f_i the item's feature vector (Last.fm: tag-assignment counts; Taobao: one-hot category).
// Pairs where either item has no features are skipped (unknown, not "maximally diverse"); a list with no
// comparable pair is left out of the mean. O(|L|^2 * nnz per row) per list with a dense scratch row.
import type { CsrMatrix } from '../../algorithms/recs/index.ts';

export function intraListDiversity(lists: Iterable<ArrayLike<number>>, features: CsrMatrix): number {
  const norm = new Float64Array(features.rows);
  for (let i = 0; i < features.rows; i++) {
    let s = 0;
    for (let p = features.indptr[i]!; p < features.indptr[i + 1]!; p++) s += features.values[p]! * features.values[p]!;
    norm[i] = Math.sqrt(s);
  }
  const dense = new Float64Array(features.cols);
  let total = 0;
  let count = 0;
  for (const l of lists) {
    let sum = 0;
    let pairs = 0;
    for (let a = 0; a < l.length; a++) {
      const i = l[a] as number;
      if (norm[i] === 0) continue;
      for (let p = features.indptr[i]!; p < features.indptr[i + 1]!; p++) dense[features.indices[p]!] = features.values[p]!;
      for (let b = a + 1; b < l.length; b++) {
        const j = l[b] as number;
        if (norm[j] === 0) continue;
        let dot = 0;
        for (let p = features.indptr[j]!; p < features.indptr[j + 1]!; p++) dot += dense[features.indices[p]!]! * features.values[p]!;
        sum += dot / (norm[i]! * norm[j]!);
        pairs++;
      }
      for (let p = features.indptr[i]!; p < features.indptr[i + 1]!; p++) dense[features.indices[p]!] = 0;
    }
    if (pairs > 0) {
      total += 1 - sum / pairs;
      count++;
    }
  }
  return count === 0 ? 0 : total / count;
}
