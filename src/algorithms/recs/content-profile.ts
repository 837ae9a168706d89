// The CONTENT source of the hybrid (cypher/recs/content.cypher) on index arrays, for the offline evaluation:
//   r_ui = sum_l p_ul x_li + b_i + b_u
//   p_ul = cw_l * sum_{j in I(u)} w_uj x_lj / sum_{j in I(u)} w_uj   (share of the user's positive weight on
//          feature l, a category or a tag, times the category or tag weight cw_l)
//   x_li = 1 when item i has feature l (presence: the stored counts are ignored, as in the Cypher MATCH)
//   b_i  = itemBias * ln(1 + n_i)     n_i = users with a positive interaction on i
//   b_u  = userBias * ln(1 + |I(u)|)  constant per user
// I(u) = the user's items with w_uj > 0. Candidates are exactly the items sharing at least one feature with
// the profile (the MATCH through the feature), whatever their score. Cost per user: the profile's features
// times their item degrees, O(sum_{l in profile} deg(l)).
import { transpose, type CsrMatrix } from './csr.ts';

export interface ContentOptions {
  /** items x features (categories and tags side by side); values ignored, a stored entry means x_li = 1. */
  readonly itemFeatures: CsrMatrix;
  /** cw_l per feature column. */
  readonly featureWeights: ArrayLike<number>;
  /** n_i per item. */
  readonly itemUsers: ArrayLike<number>;
  readonly itemBias: number;
  readonly userBias: number;
}

/** Candidates in ascending item index, with their scores. */
export interface SparseScores {
  readonly items: Int32Array;
  readonly scores: Float64Array;
}

export type ContentScorer = (items: ArrayLike<number>, weights: ArrayLike<number>) => SparseScores;

export function createContentScorer(opts: ContentOptions): ContentScorer {
  const f = opts.itemFeatures;
  const byFeature = transpose(f);
  const nItems = f.rows;
  const profile = new Float64Array(f.cols);
  const affinity = new Float64Array(nItems);
  const isCandidate = new Uint8Array(nItems);
  return (items, weights) => {
    let total = 0;
    let nMine = 0;
    const touched: number[] = [];
    for (let e = 0; e < items.length; e++) {
      const j = items[e] as number;
      const w = weights[e] as number;
      if (!(w > 0) || j < 0 || j >= nItems) continue;
      total += w;
      nMine++;
      for (let p = f.indptr[j]!; p < f.indptr[j + 1]!; p++) {
        const l = f.indices[p]!;
        if (profile[l] === 0) touched.push(l);
        profile[l]! += w;
      }
    }
    const cand: number[] = [];
    for (const l of touched) {
      const p = ((opts.featureWeights[l] as number) * profile[l]!) / total;
      profile[l] = 0;
      for (let q = byFeature.indptr[l]!; q < byFeature.indptr[l + 1]!; q++) {
        const i = byFeature.indices[q]!;
        if (isCandidate[i] === 0) {
          isCandidate[i] = 1;
          cand.push(i);
        }
        affinity[i]! += p;
      }
    }
    cand.sort((a, b) => a - b);
    const userTerm = opts.userBias * Math.log(1 + nMine);
    const scores = new Float64Array(cand.length);
    cand.forEach((i, k) => {
      scores[k] = affinity[i]! + opts.itemBias * Math.log(1 + (opts.itemUsers[i] as number)) + userTerm;
      affinity[i] = 0;
      isCandidate[i] = 0;
    });
    return { items: Int32Array.from(cand), scores };
  };
}
