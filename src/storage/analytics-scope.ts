// The population and time window an analytics query runs over, as the Cypher files in cypher/analytics/
// take them: every parameter always present, null meaning "no filter". Times are epoch milliseconds and
// every bound is inclusive.
import type { Params } from './executor.ts';

export interface AnalyticsSegment {
  readonly userIds: readonly string[] | null;
  /** Members of a saved segment ((:User)-[:IN_SEGMENT]->(:Segment {id})). */
  readonly segmentId: string | null;
  readonly gender: string | null;
  readonly minAge: number | null;
  readonly maxAge: number | null;
  readonly location: string | null;
  /** Only events on items of this category count (and define the population). */
  readonly categoryId: string | null;
  /** Users created in [acquiredFrom, acquiredTo]. */
  readonly acquiredFrom: number | null;
  readonly acquiredTo: number | null;
  /** Users with (true) / without (false) a FRIEND who has a purchase event in the window. */
  readonly hasFriendWhoPurchased: boolean | null;
}

export interface TimeWindow {
  readonly from: number | null;
  readonly to: number | null;
}

export interface AnalyticsScope {
  readonly segment: AnalyticsSegment;
  readonly window: TimeWindow;
}

export const EMPTY_SEGMENT: AnalyticsSegment = {
  userIds: null, segmentId: null, gender: null, minAge: null, maxAge: null, location: null, categoryId: null,
  acquiredFrom: null, acquiredTo: null, hasFriendWhoPurchased: null,
};

export const ALL_TIME: TimeWindow = { from: null, to: null };

/** The segment and window parameters shared by every file in cypher/analytics/ (names as documented there). */
export function scopeParams(scope: AnalyticsScope): Params {
  const s = scope.segment;
  return {
    from: scope.window.from,
    to: scope.window.to,
    userIds: s.userIds === null ? null : [...s.userIds],
    segmentId: s.segmentId,
    gender: s.gender,
    minAge: s.minAge,
    maxAge: s.maxAge,
    location: s.location,
    categoryId: s.categoryId,
    acquiredFrom: s.acquiredFrom,
    acquiredTo: s.acquiredTo,
    hasFriendWhoPurchased: s.hasFriendWhoPurchased,
  };
}
