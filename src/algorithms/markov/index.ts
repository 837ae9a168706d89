// Public API of the behaviour-chain math: pure functions on typed arrays, no I/O.
export * from './states.ts';
export * from './sessionize.ts';
export * from './transition-counts.ts';
export * from './merge-counts.ts';
export * from './chain.ts';
export * from './estimate-chain.ts';
export * from './distribution.ts';
export * from './sequence-probability.ts';
export * from './n-step-distribution.ts';
export * from './lu-solve.ts';
export * from './absorbing-analysis.ts';
export * from './churn-risk.ts';
export * from './funnel.ts';
export * from '../stats/wilson-interval.ts';
export * from '../stats/conversion-rate.ts';
export * from '../stats/quantile.ts';
export * from './event-columns.ts';
