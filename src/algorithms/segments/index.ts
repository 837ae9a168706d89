// Public API of the segment math: rules over profile features, RFM segments, behavioural clusters. Pure, no I/O.
export * from './feature-table.ts';
export * from './rule.ts';
export * from './suggestion-list.ts';
export * from './parse-rule.ts';
export * from './evaluate-rule.ts';
export * from './explain-rule.ts';
export * from './segment-order.ts';
export * from './rfm-segments.ts';
export * from './standardise.ts';
export * from './silhouette.ts';
export * from './describe-cluster.ts';
export * from './kmeans-clusters.ts';
export * from './adjusted-rand.ts';
