// The population rules of cypher/analytics/population.cypher in TypeScript, over the attributes held next to each
// in-memory event log (user-event-logs.ts): which users a segment keeps and, for a per-user breakdown, each
// user's group. Kept line for line with the Cypher file (test/analytics/population-rules.test.ts and the random
// comparisons of test/analytics/memory-counts.int.test.ts), including its null semantics: a comparison with a
// missing attribute is null in Cypher, so the user is left out, never kept.
// Not here: a saved segment's members (one indexed read, segment-members.cypher) and hasFriendWhoPurchased,
// filter or breakdown (it needs the friend ties and the friends' logs: friend-purchase-rule.ts).
import type { AnalyticsSegment } from '../../storage/analytics-scope.ts';
import type { ConversionBreakdown, UserAttributes } from '../../storage/analytics-store.ts';

/** The per-user breakdowns computed from attributes alone. */
export type AttributeBreakdown = Extract<ConversionBreakdown, 'GENDER' | 'LOCATION' | 'AGE_BAND' | 'ACQUISITION_MONTH'>;

/** Whether the segment or breakdown uses hasFriendWhoPurchased (so the friend ties are needed). */
export function needsFriendTies(segment: AnalyticsSegment, breakdown: Exclude<ConversionBreakdown, 'CATEGORY'> | null): boolean {
  return segment.hasFriendWhoPurchased !== null || breakdown === 'HAS_FRIEND_WHO_PURCHASED';
}

/**
 * population.cypher's WHERE without userIds, segmentId and hasFriendWhoPurchased (applied by the caller):
 * consent, gender, age range, location, acquisition window; every bound inclusive.
 */
export function keepsUser(a: UserAttributes, s: AnalyticsSegment): boolean {
  if (!a.consentAnalytics) return false;
  if (s.gender !== null && a.gender !== s.gender) return false;
  if (s.minAge !== null && !(a.age !== null && a.age >= s.minAge)) return false;
  if (s.maxAge !== null && !(a.age !== null && a.age <= s.maxAge)) return false;
  if (s.location !== null && a.location !== s.location) return false;
  if (s.acquiredFrom !== null && !(a.createdAt !== null && a.createdAt >= s.acquiredFrom)) return false;
  if (s.acquiredTo !== null && !(a.createdAt !== null && a.createdAt <= s.acquiredTo)) return false;
  return true;
}

/** The user's group for the breakdown, named as population.cypher names it ('all' without a breakdown). */
export function groupOf(a: UserAttributes, breakdown: AttributeBreakdown | null): string {
  switch (breakdown) {
    case null:
      return 'all';
    case 'GENDER':
      return a.gender ?? 'unknown';
    case 'LOCATION':
      return a.location ?? 'unknown';
    case 'AGE_BAND':
      return ageBand(a.age);
    case 'ACQUISITION_MONTH':
      return acquisitionMonth(a.createdAt);
  }
}

function ageBand(age: number | null): string {
  if (age === null) return 'unknown';
  if (age < 18) return '<18';
  if (age < 25) return '18-24';
  if (age < 35) return '25-34';
  if (age < 45) return '35-44';
  if (age < 55) return '45-54';
  if (age < 65) return '55-64';
  return '65+';
}

/**
 * 'YYYY-MM' of the UTC date: substring(toString(datetime({epochMillis})), 0, 7) in Cypher. Equal for years
 * 0000-9999 (JavaScript writes other years with six digits and a sign; Cypher differently).
 */
function acquisitionMonth(createdAt: number | null): string {
  if (createdAt === null) return 'unknown';
  return new Date(createdAt).toISOString().slice(0, 7);
}
