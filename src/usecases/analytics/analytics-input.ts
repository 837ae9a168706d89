// Parses the GraphQL analytics arguments (segment, time window, chain options) into the storage scope and
// estimation options, once, with coded errors naming the field. DateTime inputs arrive as ISO-8601 strings.
import { invalidInput } from '../../domain/errors.ts';
import { requireId } from '../../domain/id-text.ts';
import { type AnalyticsScope, type AnalyticsSegment, type TimeWindow } from '../../storage/analytics-scope.ts';

export interface WindowArgs {
  readonly from?: string | null;
  readonly to?: string | null;
}

export interface SegmentArgs {
  readonly userIds?: readonly string[] | null;
  readonly segmentId?: string | null;
  readonly gender?: string | null;
  readonly minAge?: number | null;
  readonly maxAge?: number | null;
  readonly location?: string | null;
  readonly categoryId?: string | null;
  readonly acquiredFrom?: string | null;
  readonly acquiredTo?: string | null;
  readonly hasFriendWhoPurchased?: boolean | null;
}

export interface ChainOptionsArgs {
  readonly smoothing?: number | null;
  readonly minSupport?: number | null;
  readonly sessionGapMinutes?: number | null;
  readonly sessionEnd?: SessionEnd | null;
}

/**
 * How a user's last session ends. GAP: with EXIT only once idle longer than the gap at asOf (the window's end,
 * or now), so a session that could still go on stays open. LAST_EVENT: with EXIT right after its last event
 * (asOf null in the counting paths), for finished logs, where a gap longer than the data's age would otherwise
 * leave every last session open and no EXIT counted.
 */
export type SessionEnd = 'GAP' | 'LAST_EVENT';

export interface ChainOptions {
  /** Additive smoothing alpha. */
  readonly alpha: number;
  readonly minSupport: number;
  readonly gapMs: number;
  readonly sessionEnd: SessionEnd;
}

export const DEFAULT_GAP_MINUTES = 30;
export const DEFAULT_CHAIN_OPTIONS: ChainOptions = { alpha: 0, minSupport: 1, gapMs: DEFAULT_GAP_MINUTES * 60_000, sessionEnd: 'GAP' };

export function parseWindow(w: WindowArgs | null | undefined, field = 'window'): TimeWindow {
  const from = time(w?.from, `${field}.from`);
  const to = time(w?.to, `${field}.to`);
  if (from !== null && to !== null && from > to) {
    throw invalidInput(`${field} is inverted: from (${w?.from}) is after to (${w?.to})`, { field });
  }
  return { from, to };
}

export function parseSegment(s: SegmentArgs | null | undefined): AnalyticsSegment {
  const minAge = s?.minAge ?? null;
  const maxAge = s?.maxAge ?? null;
  if (minAge !== null && maxAge !== null && minAge > maxAge) {
    throw invalidInput(`segment age range is inverted: minAge ${minAge} > maxAge ${maxAge}`, { field: 'segment.minAge' });
  }
  const acquired = parseWindow({ from: s?.acquiredFrom ?? null, to: s?.acquiredTo ?? null }, 'segment.acquired');
  const userIds = s?.userIds ?? null;
  if (userIds !== null && userIds.length === 0) {
    throw invalidInput('segment.userIds is empty: omit it to include every user', { field: 'segment.userIds' });
  }
  return {
    userIds: userIds === null ? null : userIds.map((id) => requireId('segment.userIds', id)),
    segmentId: s?.segmentId == null ? null : requireId('segment.segmentId', s.segmentId),
    gender: s?.gender ?? null,
    minAge,
    maxAge,
    location: s?.location ?? null,
    categoryId: s?.categoryId ?? null,
    acquiredFrom: acquired.from,
    acquiredTo: acquired.to,
    hasFriendWhoPurchased: s?.hasFriendWhoPurchased ?? null,
  };
}

export function parseScope(segment: SegmentArgs | null | undefined, window: WindowArgs | null | undefined): AnalyticsScope {
  return { segment: parseSegment(segment), window: parseWindow(window) };
}

export function parseChainOptions(o: ChainOptionsArgs | null | undefined): ChainOptions {
  const alpha = o?.smoothing ?? DEFAULT_CHAIN_OPTIONS.alpha;
  const minSupport = o?.minSupport ?? DEFAULT_CHAIN_OPTIONS.minSupport;
  const gapMinutes = o?.sessionGapMinutes ?? DEFAULT_GAP_MINUTES;
  if (!(alpha >= 0) || !Number.isFinite(alpha)) throw invalidInput('options.smoothing must be a finite number >= 0', { field: 'options.smoothing' });
  if (alpha > MAX_SMOOTHING) {
    // alpha * K overflows long before alpha itself does, and every row becomes 0/Infinity.
    throw invalidInput(`options.smoothing must be at most ${MAX_SMOOTHING}`, { field: 'options.smoothing' });
  }
  if (!(minSupport >= 1) || !Number.isSafeInteger(minSupport)) {
    throw invalidInput('options.minSupport must be an integer >= 1', { field: 'options.minSupport' });
  }
  const sessionEnd = o?.sessionEnd ?? DEFAULT_CHAIN_OPTIONS.sessionEnd;
  if (sessionEnd !== 'GAP' && sessionEnd !== 'LAST_EVENT') {
    throw invalidInput('options.sessionEnd must be GAP or LAST_EVENT', { field: 'options.sessionEnd' });
  }
  return { alpha, minSupport, gapMs: parseDurationMs(gapMinutes, 60_000, 'options.sessionGapMinutes'), sessionEnd };
}

/** Additive smoothing beyond this is a uniform chain already; larger values only risk overflow. */
export const MAX_SMOOTHING = 1e6;
/** Longest session gap or conversion window accepted: 100 years, far beyond any data, well inside safe integers. */
export const MAX_DURATION_MS = 100 * 365.25 * 24 * 3_600_000;

/**
 * A duration argument in `unitMs` units to whole milliseconds. Rejects what the algorithms cannot use:
 * NaN, infinities, non-positive values, values that round to 0 ms (a 1e-9 minute gap used to pass as
 * "> 0" and then end a session after every event) and values beyond MAX_DURATION_MS.
 */
export function parseDurationMs(value: number, unitMs: number, field: string): number {
  if (!Number.isFinite(value) || !(value > 0)) throw invalidInput(`${field} must be a finite number > 0, got ${value}`, { field });
  const ms = Math.round(value * unitMs);
  if (ms < 1) throw invalidInput(`${field} is shorter than 1 ms (${value})`, { field });
  if (ms > MAX_DURATION_MS) throw invalidInput(`${field} is longer than 100 years (${value})`, { field });
  return ms;
}

/**
 * The moment sessions are judged open or closed: the end of the window, or now when the window is open-ended
 * (or ends in the future). A last session is closed (ends in EXIT) when asOf - lastTs > gap.
 */
export function asOfFor(window: TimeWindow, now: number): number {
  return window.to === null ? now : Math.min(window.to, now);
}

/** The counting paths' asOf for a session-end rule: null closes every last session (LAST_EVENT). */
export function sessionAsOf(sessionEnd: SessionEnd, window: TimeWindow, now: number): number | null {
  return sessionEnd === 'LAST_EVENT' ? null : asOfFor(window, now);
}

/** An optional DateTime argument (ISO-8601) to epoch ms; INVALID_INPUT naming the field. */
export function parseInstant(value: string | null | undefined, field: string): number | null {
  return time(value, field);
}

function time(value: string | null | undefined, field: string): number | null {
  if (value === null || value === undefined) return null;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw invalidInput(`${field} must be an ISO-8601 date-time`, { field });
  return ms;
}
