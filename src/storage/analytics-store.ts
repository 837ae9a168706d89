// Reads for behaviour analytics. Each method runs one file of cypher/analytics/ (the same bytes an analyst
// runs) and decodes its rows into plain values; no estimation happens here.
import { cypher } from './cypher-files.ts';
import type { Executor, Params, Row } from './executor.ts';
import { scopeParams, type AnalyticsScope, type TimeWindow } from './analytics-scope.ts';
import { ALL_GRANTED, type Consent } from '../domain/consent.ts';

/** One aggregated transition row of transition-counts.cypher. */
export interface TransitionCountRecord {
  readonly from: string;
  readonly to: string;
  readonly count: number;
  /** Users whose first transition this is (non-zero on START rows only). */
  readonly users: number;
}

export interface SequenceEvent {
  readonly id: string;
  readonly type: string;
  readonly ts: number;
}

/** One user's events in the scope, unordered (sort by (ts, id) before use). */
export interface UserSequence {
  readonly userId: string;
  readonly events: readonly SequenceEvent[];
}

export interface FunnelStepCount {
  readonly state: string;
  readonly users: number;
  readonly medianMs: number | null;
  readonly p90Ms: number | null;
}

export interface FunnelCounts {
  readonly totalUsers: number;
  readonly steps: readonly FunnelStepCount[];
}

export interface SegmentConversion {
  readonly segment: string;
  readonly numerator: number;
  readonly denominator: number;
}

export interface JourneyEvent extends SequenceEvent {
  readonly itemId: string;
  readonly newSession: boolean;
}

export interface UserState {
  readonly userId: string;
  /** The latest non-rating event, or null when the user has none. */
  readonly last: { readonly type: string; readonly ts: number; readonly eventId: string } | null;
  /** All events in the graph: changes whenever an event is recorded (cache key for estimated chains). */
  readonly totalEvents: number;
}

/** A saved segment's version: [refreshedAt (-1: never refreshed), member count]; changes with every membership change. */
export type SegmentVersion = readonly [number, number];

export interface SegmentMembers {
  readonly version: SegmentVersion;
  /** null: unchanged since the version the caller passed. */
  readonly userIds: string[] | null;
}

/** A user's attributes the analytics population filters and groups by (event-log.cypher, user-attributes.cypher). */
export interface UserAttributes {
  /** coalesce(consentAnalytics, the configured default): false keeps the user out of every population. */
  readonly consentAnalytics: boolean;
  readonly gender: string | null;
  readonly age: number | null;
  readonly location: string | null;
  /** Epoch ms (the acquisition filter and ACQUISITION_MONTH). */
  readonly createdAt: number | null;
}

/** One user's attributes with their id (user-attributes.cypher). */
export interface UserAttributeRow {
  readonly userId: string;
  readonly attributes: UserAttributes;
}

/** One user's whole log as event-log.cypher returns it (non-rating events, unordered). */
export interface UserEventRows {
  readonly userId: string;
  /** All PERFORMED events of the user, ratings included. */
  readonly performed: number;
  readonly ids: readonly string[];
  readonly types: readonly string[];
  readonly ts: readonly number[];
  /** Item id per event ('' when the event is on no item). */
  readonly items: readonly string[];
  readonly attributes: UserAttributes;
}

/** A segment's users (population.cypher), with their group for a per-user breakdown. */
export interface SegmentPopulation {
  readonly userIds: readonly string[];
  readonly groups: readonly string[];
}

export type ConversionBreakdown =
  | 'GENDER' | 'AGE_BAND' | 'LOCATION' | 'CATEGORY' | 'ACQUISITION_MONTH' | 'HAS_FRIEND_WHO_PURCHASED';

export class AnalyticsStore {
  /** @param consentDefaults consent for users who never decided (the population files skip refusals of analytics). */
  constructor(
    private readonly executor: Executor,
    private readonly consentDefaults: Consent = ALL_GRANTED,
  ) {}

  /** The segment, window and consent parameters every population file takes. */
  private paramsOf(scope: AnalyticsScope): Params {
    return { ...scopeParams(scope), consentDefaults: { ...this.consentDefaults } };
  }

  /** Cypher path: transitions counted in the database. asOf null closes every user's last session. */
  async transitionCounts(scope: AnalyticsScope, gapMs: number, asOf: number | null): Promise<TransitionCountRecord[]> {
    const rows = await this.executor.read(cypher('analytics/transition-counts'), { ...this.paramsOf(scope), gapMs, asOf });
    return rows.map((r) => ({ from: str(r, 'from'), to: str(r, 'to'), count: num(r, 'count'), users: num(r, 'users') }));
  }

  /** TypeScript path: the raw sequences, one per user with at least one event in the scope. */
  async sequences(scope: AnalyticsScope): Promise<UserSequence[]> {
    const rows = await this.executor.read(cypher('analytics/sequences'), this.paramsOf(scope));
    return rows.map((r) => {
      const ids = r['ids'] as string[];
      const types = r['types'] as string[];
      const ts = r['ts'] as number[];
      return { userId: str(r, 'userId'), events: ids.map((id, k) => ({ id, type: types[k] as string, ts: ts[k] as number })) };
    });
  }

  async funnelCounts(scope: AnalyticsScope, steps: readonly string[], windowMs: number): Promise<FunnelCounts> {
    const rows = await this.executor.read(cypher('analytics/funnel-counts'), { ...this.paramsOf(scope), steps: [...steps], windowMs });
    return {
      totalUsers: rows[0] !== undefined ? num(rows[0], 'totalUsers') : 0,
      steps: rows.map((r) => ({ state: str(r, 'state'), users: num(r, 'users'), medianMs: optNum(r, 'medianMs'), p90Ms: optNum(r, 'p90Ms') })),
    };
  }

  async conversion(scope: AnalyticsScope, action: string, breakdown: ConversionBreakdown | null): Promise<SegmentConversion[]> {
    const rows = await this.executor.read(cypher('analytics/conversion-by-segment'), { ...this.paramsOf(scope), action, breakdown });
    return rows.map((r) => ({ segment: str(r, 'segment'), numerator: num(r, 'numerator'), denominator: num(r, 'denominator') }));
  }

  /** Every user's event log with their attributes, streamed user by user (the in-memory event logs' one full read). */
  async eventLogs(onUser: (rows: UserEventRows) => void): Promise<void> {
    await this.executor.readEach(cypher('analytics/event-log'), { consentDefaults: { ...this.consentDefaults } }, (r) => onUser(eventRows(r)));
  }

  /** The event logs of these users only (users without events are absent). */
  async eventLogsOf(userIds: readonly string[]): Promise<UserEventRows[]> {
    const rows = await this.executor.read(cypher('analytics/event-log-of-users'), { userIds: [...userIds], consentDefaults: { ...this.consentDefaults } });
    return rows.map(eventRows);
  }

  /** The attributes of every user with events, streamed (the in-memory population's bounded-staleness refresh). */
  async userAttributes(onUser: (row: UserAttributeRow) => void): Promise<void> {
    await this.executor.readEach(cypher('analytics/user-attributes'), { consentDefaults: { ...this.consentDefaults } }, (r) =>
      onUser({ userId: str(r, 'userId'), attributes: attributesOf(r) }));
  }

  /**
   * A saved segment's member ids and version (segment-members.cypher): ids null when the version equals
   * `knownVersion` (the caller's ids are current); null when the segment does not exist.
   */
  async segmentMembers(segmentId: string, knownVersion: SegmentVersion | null = null): Promise<SegmentMembers | null> {
    const rows = await this.executor.read(cypher('analytics/segment-members'), { segmentId, knownVersion: knownVersion === null ? null : [...knownVersion] });
    const r = rows[0];
    if (r === undefined) return null;
    const [refreshedAt, degree] = (r['version'] as unknown[]).map(Number);
    return { version: [refreshedAt ?? -1, degree ?? 0], userIds: (r['userIds'] as string[] | null | undefined) ?? null };
  }

  /** Every FRIEND edge between users, streamed (the in-memory friend ties' one full read). */
  async friendTies(onTie: (a: string, b: string) => void): Promise<void> {
    await this.executor.readEach(cypher('analytics/friend-ties'), {}, (r) => onTie(str(r, 'a'), str(r, 'b')));
  }

  /** The friends (either direction) of these users; a missing user has no row. */
  async friendTiesOf(userIds: readonly string[]): Promise<{ readonly userId: string; readonly friends: string[] }[]> {
    const rows = await this.executor.read(cypher('analytics/friend-ties-of-users'), { userIds: [...userIds] });
    return rows.map((r) => ({ userId: str(r, 'userId'), friends: r['friends'] as string[] }));
  }

  /** FRIEND edges in the graph, from the count store. */
  async friendCount(): Promise<number> {
    const rows = await this.executor.read(cypher('analytics/friend-count'));
    return rows[0] === undefined ? 0 : num(rows[0], 'friends');
  }

  /** PERFORMED edges in the graph, from the count store. */
  async performedCount(): Promise<number> {
    const rows = await this.executor.read(cypher('analytics/performed-count'));
    return rows[0] === undefined ? 0 : num(rows[0], 'performed');
  }

  /** The segment's users (consent applied), each with its group for a per-user breakdown ('all' for none). */
  async population(scope: AnalyticsScope, breakdown: Exclude<ConversionBreakdown, 'CATEGORY'> | null): Promise<SegmentPopulation> {
    const { categoryId: _perEvent, ...params } = this.paramsOf(scope);
    const rows = await this.executor.read(cypher('analytics/population'), { ...params, breakdown });
    const r = rows[0];
    return { userIds: (r?.['userIds'] as string[] | undefined) ?? [], groups: (r?.['groups'] as string[] | undefined) ?? [] };
  }

  async categoryItems(categoryId: string): Promise<string[]> {
    const rows = await this.executor.read(cypher('analytics/category-items'), { categoryId });
    return (rows[0]?.['itemIds'] as string[] | undefined) ?? [];
  }

  /** null when the user does not exist. */
  async journey(userId: string, window: TimeWindow, gapMs: number): Promise<JourneyEvent[] | null> {
    const rows = await this.executor.read(cypher('analytics/journey'), { userId, from: window.from, to: window.to, gapMs });
    const row = rows[0];
    if (row === undefined) return null;
    return (row['events'] as Record<string, unknown>[]).map((e) => ({
      id: String(e['id']), type: String(e['type']), ts: Number(e['ts']), itemId: String(e['itemId']), newSession: e['newSession'] === true,
    }));
  }

  /** null when the user does not exist. asOf: events after it are ignored (null: none is). */
  async userState(userId: string, asOf: number | null = null): Promise<UserState | null> {
    const rows = await this.executor.read(cypher('analytics/user-state'), { userId, asOf });
    const r = rows[0];
    if (r === undefined) return null;
    const last = r['type'] === null || r['type'] === undefined ? null : { type: str(r, 'type'), ts: num(r, 'ts'), eventId: str(r, 'eventId') };
    return { userId: str(r, 'userId'), last, totalEvents: num(r, 'totalEvents') };
  }
}

function eventRows(r: Row): UserEventRows {
  return {
    userId: str(r, 'userId'),
    performed: num(r, 'performed'),
    ids: r['ids'] as string[],
    types: r['types'] as string[],
    ts: r['ts'] as number[],
    items: r['items'] as string[],
    attributes: attributesOf(r),
  };
}

/**
 * Attributes as the population's comparisons see them: gender and location are compared as strings (the writer
 * stores strings; anything else is kept as its text), age and createdAt as numbers.
 */
function attributesOf(r: Row): UserAttributes {
  return {
    consentAnalytics: r['consentAnalytics'] === true,
    gender: optStr(r, 'gender'),
    age: optNum(r, 'age'),
    location: optStr(r, 'location'),
    createdAt: optNum(r, 'createdAt'),
  };
}

const str = (r: Row, k: string): string => String(r[k]);
const num = (r: Row, k: string): number => Number(r[k]);
const optNum = (r: Row, k: string): number | null => (r[k] === null || r[k] === undefined ? null : Number(r[k]));
const optStr = (r: Row, k: string): string | null => (r[k] === null || r[k] === undefined ? null : String(r[k]));
