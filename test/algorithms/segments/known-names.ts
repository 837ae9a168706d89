// The names the rule tests validate against: a subset of the product's profile features.
import type { KnownNames } from '../../../src/algorithms/segments/parse-rule.ts';

export const KNOWN: KnownNames = {
  features: new Set(['age', 'recencyDays', 'frequency', 'monetary', 'weekendShare', 'cartToPurchaseRate', 'views']),
  attributes: new Set(['gender', 'location']),
  segments: new Set(['vip', 'lapsed']),
};
