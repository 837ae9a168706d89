// The event shape the profile features read, and the calendar arithmetic they share. `InteractionEvent` from
// the domain satisfies `ProfileEvent` (its ids are branded strings).
import type { EventType } from '../../domain/events.ts';
import { invalidInput } from '../../domain/errors.ts';

export interface ProfileEvent {
  readonly type: EventType;
  /** Epoch milliseconds (UTC). */
  readonly ts: number;
  readonly itemId: string;
  /** Rating: the rating value. Purchase: the order value in the shop's currency, when known. */
  readonly value?: number;
}

/** A catalogue price lookup; `undefined` when the item has no price. */
export type PriceOf = (itemId: string) => number | undefined;

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** Rejects what would poison every sum downstream: a non-finite time or value. */
export function checkEvent(e: ProfileEvent): void {
  if (!Number.isFinite(e.ts)) throw invalidInput(`event on item '${e.itemId}' has a non-finite timestamp`, { itemId: e.itemId, ts: e.ts });
  if (e.value !== undefined && !Number.isFinite(e.value)) {
    throw invalidInput(`event on item '${e.itemId}' has a non-finite value`, { itemId: e.itemId, value: e.value });
  }
}

export function checkNow(now: number): void {
  if (!Number.isFinite(now)) throw invalidInput('now must be a finite epoch-millisecond time', { now });
}

/** UTC hour of day 0-23. Epoch ms has no leap seconds, so floor division is exact (also before 1970). */
export function utcHour(ts: number): number {
  return mod(Math.floor(ts / HOUR_MS), 24);
}

/** UTC weekday, 0 = Monday .. 6 = Sunday (ISO 8601 order). 1970-01-01 was a Thursday (index 3). */
export function utcWeekday(ts: number): number {
  return mod(Math.floor(ts / DAY_MS) + 3, 7);
}

const mod = (a: number, m: number): number => ((a % m) + m) % m;
