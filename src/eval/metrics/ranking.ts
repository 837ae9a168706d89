// Top-k accuracy metrics for one user with binary relevance, as in RecBole (Zhao et al., CIKM 2021):
//   Recall@k    = |hits in top k| / |test|
//   Precision@k = |hits in top k| / k
//   Hit@k       = 1 if any hit in top k else 0
//   MRR@k       = 1 / rank of the first hit (1-based), 0 if none in top k
//   NDCG@k      = DCG / IDCG, DCG = sum over hits at 1-based rank r of 1/log2(r + 1),
//                 IDCG = sum_{r=1}^{min(|test|, k)} 1/log2(r + 1)
// `ranked` may be shorter than k (fewer candidates); missing positions count as misses. O(k) per call.

export interface RankingMetrics {
  readonly recall: number;
  readonly precision: number;
  readonly hit: number;
  readonly mrr: number;
  readonly ndcg: number;
}

export function rankingMetrics(ranked: ArrayLike<number>, relevant: ReadonlySet<number>, k: number): RankingMetrics {
  if (relevant.size === 0) throw new RangeError('rankingMetrics: a user with no relevant item has no defined recall');
  let hits = 0;
  let dcg = 0;
  let mrr = 0;
  const n = Math.min(k, ranked.length);
  for (let r = 0; r < n; r++) {
    if (!relevant.has(ranked[r] as number)) continue;
    hits++;
    dcg += 1 / Math.log2(r + 2);
    if (mrr === 0) mrr = 1 / (r + 1);
  }
  let idcg = 0;
  const m = Math.min(relevant.size, k);
  for (let r = 0; r < m; r++) idcg += 1 / Math.log2(r + 2);
  return { recall: hits / relevant.size, precision: hits / k, hit: hits > 0 ? 1 : 0, mrr, ndcg: dcg / idcg };
}
