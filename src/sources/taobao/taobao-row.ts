import type { EventType } from '../../domain/events.ts';
import { parseEventType } from '../../domain/events.ts';
import type { RejectReason } from '../../domain/ingest.ts';
import { parseNonNegativeInt } from '../shared/numbers.ts';

/** One valid UserBehavior row: `user_id,item_id,category_id,behavior_type,timestamp` (unix seconds). */
export interface TaobaoRow {
  readonly user: number;
  readonly item: number;
  readonly category: number;
  readonly type: EventType;
  readonly seconds: number;
}

export interface TaobaoRowError {
  readonly reason: RejectReason;
  readonly field?: string;
  readonly message: string;
}

const COLUMNS = ['user_id', 'item_id', 'category_id', 'behavior_type', 'timestamp'] as const;

/** Parses one line; the first problem found wins, checked left to right. */
export function parseTaobaoLine(text: string): TaobaoRow | TaobaoRowError {
  const f = text.split(',');
  if (f.length !== COLUMNS.length) {
    return { reason: 'malformed_row', message: `expected ${COLUMNS.length} comma-separated columns (${COLUMNS.join(',')}), got ${f.length}` };
  }
  const user = parseId(f[0], 'user_id');
  if (typeof user !== 'number') return user;
  const item = parseId(f[1], 'item_id');
  if (typeof item !== 'number') return item;
  const category = parseId(f[2], 'category_id');
  if (typeof category !== 'number') return category;
  const behavior = (f[3] ?? '').trim();
  const type = parseEventType(behavior);
  if (type === undefined) {
    return { reason: 'unknown_event_type', field: 'behavior_type', message: `unknown behavior_type '${behavior}' (expected pv, fav, cart or buy)` };
  }
  const rawTs = (f[4] ?? '').trim();
  const seconds = parseNonNegativeInt(rawTs);
  if (seconds === undefined) {
    return { reason: 'bad_timestamp', field: 'timestamp', message: `timestamp '${rawTs}' is not a non-negative integer of unix seconds` };
  }
  return { user, item, category, type, seconds };
}

function parseId(cell: string | undefined, column: string): number | TaobaoRowError {
  const raw = (cell ?? '').trim();
  if (raw === '') return { reason: 'missing_id', field: column, message: `${column} is empty` };
  const n = parseNonNegativeInt(raw);
  return n ?? { reason: 'bad_number', field: column, message: `${column} '${raw}' is not a non-negative integer` };
}

export const isTaobaoRow = (r: TaobaoRow | TaobaoRowError): r is TaobaoRow => 'type' in r;
