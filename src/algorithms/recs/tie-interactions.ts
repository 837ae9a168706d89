// The SOCIAL source of the hybrid (cypher/recs/social.cypher) on index arrays, for the offline evaluation:
//   score(u, i) = sum over ties f of  tie(u, f) * w_fi
// where w_fi is the tie's interaction weight already multiplied by its recency decay (./recency-decay.ts;
// the Cypher's exp(-ln2 (now - lastTs) / halfLife)), and only positive interactions count. Candidates are the
// items at least one tie interacted with. Cost per user: the ties' row lengths.
import type { CsrMatrix } from './csr.ts';
import type { SparseScores } from './content-profile.ts';

/** @param interactions users x items, decayed weights; entries <= 0 are skipped. */
export function createTieScorer(interactions: CsrMatrix): (ties: ArrayLike<number>, tieWeights: ArrayLike<number>) => SparseScores {
  const acc = new Float64Array(interactions.cols);
  const seen = new Uint8Array(interactions.cols);
  return (ties, tieWeights) => {
    const cand: number[] = [];
    for (let t = 0; t < ties.length; t++) {
      const f = ties[t] as number;
      const tie = tieWeights[t] as number;
      if (f < 0 || f >= interactions.rows) continue;
      for (let p = interactions.indptr[f]!; p < interactions.indptr[f + 1]!; p++) {
        const w = interactions.values[p]!;
        if (!(w > 0)) continue;
        const i = interactions.indices[p]!;
        if (seen[i] === 0) {
          seen[i] = 1;
          cand.push(i);
        }
        acc[i]! += tie * w;
      }
    }
    cand.sort((a, b) => a - b);
    const scores = Float64Array.from(cand, (i) => acc[i]!);
    for (const i of cand) {
      acc[i] = 0;
      seen[i] = 0;
    }
    return { items: Int32Array.from(cand), scores };
  };
}
