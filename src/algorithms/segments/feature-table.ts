// The input of every segment algorithm: one flat row of features per user. The algorithms never hard-code
// the feature names; the caller passes the names it knows (see FeatureSpec), so new features need no change here.

/** One user's profile: numeric features by name, string attributes, and category/tag affinities. */
export interface FeatureRow {
  readonly userId: string;
  /** Numeric features, e.g. recencyDays, frequency, monetary; null when unknown for this user. */
  readonly values: Readonly<Record<string, number | null>>;
  /** String attributes such as gender and location; null when unknown. */
  readonly attributes?: Readonly<Record<string, string | null>>;
  /** Affinity scores in [0, 1], keyed 'category:<id>' or 'tag:<id>'; absent means no affinity observed. */
  readonly affinities?: Readonly<Record<string, number>>;
}

/** What a feature means, for the API and the console. */
export interface FeatureSpec {
  readonly name: string;
  readonly description: string;
  readonly unit?: string;
  readonly kind: 'basic' | 'behaviour' | 'interest' | 'social' | 'value';
}

/** Key of a category affinity in FeatureRow.affinities. */
export const categoryKey = (category: string): string => `category:${category}`;
/** Key of a tag affinity in FeatureRow.affinities. */
export const tagKey = (tag: string): string => `tag:${tag}`;

/**
 * A numeric feature as a finite number, or null. NaN and infinities count as missing, so every algorithm
 * downstream sees one kind of "unknown".
 */
export function numericValue(row: FeatureRow, name: string): number | null {
  const v = row.values[name];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}
