// Public API of the churn and customer-lifetime-value models: pure functions, no I/O.
export * from './special-functions.ts';
export * from './customer-summary.ts';
export * from './bg-nbd.ts';
export * from './gamma-gamma.ts';
export * from './clv.ts';
