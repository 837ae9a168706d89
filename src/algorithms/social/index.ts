// Public API of the social-network math: pure functions on typed arrays, no I/O.
export * from './pagerank.ts';
export * from './influence-score.ts';
export * from './social-graph.ts';
export * from './social-counts.ts';
