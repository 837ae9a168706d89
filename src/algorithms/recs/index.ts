// Public API of the in-TypeScript recommendation algorithms. Inputs are plain index triples (user, item,
// weight) and (user, user) friend pairs; the caller keeps the id <-> index maps.
export { buildCsr, transpose, rowDegrees, colDegrees, rowSums, colSums, mapValues, scaleRowsCols, safePow, rowView } from './csr.ts';
export type { CsrMatrix, Triples } from './csr.ts';
export { createRng, shuffleInPlace, type Rng } from './rng.ts';
export { topK, type Ranked, type Exclusion } from './top-k.ts';
export { normalizeMaxAbs, emptyVector, type Recommender, type SparseVector } from './model.ts';
export { weightInteractions, type Weighting } from './weighting.ts';
export { truncatedSvd, type TruncatedSvd, type SvdOptions } from './svd.ts';
export { fitGfcf, gfcfParts, gfcfFromParts, idealFilterSvd, type GfcfModel, type GfcfOptions, type GfcfParts } from './gfcf.ts';
export { fitEase, easeParts, easeFromParts, easeForm, userGram, type EaseModel, type EaseOptions, type EaseParts, type EaseForm } from './ease.ts';
export { fitItemKnn, itemCosineNeighbours, type ItemKnnModel, type ItemKnnOptions } from './item-knn.ts';
export { fitUserKnn, type UserKnnOptions } from './user-knn.ts';
export { fitPopularity } from './popularity.ts';
export { withSocial, type SocialOptions, type SocialRecommender, type FriendSignal, type NewUserInput } from './social.ts';
export { spmm, spmmRows } from './spmm.ts';
export { createWasmSpmm, spmmRowsWasm, wasmSpmmAvailable, type WasmSpmm } from './spmm-wasm.ts';
export { createSpmmOperator, type SpmmOperator } from './spmm-operator.ts';
export { fitMfBpr, type MfBprModel, type MfBprOptions } from './mf-bpr.ts';
export { fitLightGcnBpr, bprLossGradient, bprOperator, type BprBuffers, type NodeTriples, type LightGcnBprModel, type LightGcnBprOptions } from './lightgcn-bpr.ts';
export { fitLightGcn, normalizedAdjacency, type LightGcnModel, type LightGcnOptions } from './lightgcn.ts';
export { fitSocialEase, type SocialEaseOptions } from './social-ease.ts';
export { createParallelSpmm, toShared, balancedRanges, type ParallelSpmm, type SharedCsr } from './spmm-parallel.ts';
