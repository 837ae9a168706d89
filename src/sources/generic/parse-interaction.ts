import { parseEventType } from '../../domain/events.ts';
import type { InteractionEvent } from '../../domain/events.ts';
import { asEventId, asItemId, asUserId } from '../../domain/ids.ts';
import type { SourceRow } from '../../domain/ingest.ts';
import { isRejected } from '../shared/rejection.ts';
import type { Draft, RowFields } from './row-fields.ts';
import { parseTimestamp } from './timestamp.ts';

/**
 * interactions: id (required: the event id keeps re-loads idempotent), userId, itemId, type (our
 * names or aliases such as pv/buy/add_to_cart), ts (see timestamp rule), optional numeric value, optional
 * quantity (non-negative: the event weighs quantity x its type's weight).
 */
export function parseInteractionRow(f: RowFields<'interactions'>): SourceRow {
  const id = f.id('id', 'missing_id');
  if (isRejected(id)) return id;
  const userId = f.id('userId', 'missing_field');
  if (isRejected(userId)) return userId;
  const itemId = f.id('itemId', 'missing_field');
  if (isRejected(itemId)) return itemId;
  const rawType = f.required('type', 'missing_field');
  if (isRejected(rawType)) return rawType;
  const type = parseEventType(rawType);
  if (type === undefined) return f.reject('unknown_event_type', `${f.column('type')} '${rawType}' is not a known event type`, 'type');
  const rawTs = f.raw('ts');
  if (rawTs === undefined || rawTs === null || rawTs === '') return f.reject('missing_field', `${f.column('ts')} is missing`, 'ts');
  const ts = parseTimestamp(rawTs);
  if (ts === undefined) {
    return f.reject('bad_timestamp', `${f.column('ts')} ${JSON.stringify(rawTs)} is neither epoch seconds/ms nor ISO-8601 (from 1970)`, 'ts');
  }
  const event: Draft<InteractionEvent> = { id: asEventId(id), userId: asUserId(userId), itemId: asItemId(itemId), type, ts };
  const value = f.number('value');
  if (isRejected(value)) return value;
  if (value !== undefined) event.value = value;
  const quantity = f.number('quantity');
  if (isRejected(quantity)) return quantity;
  if (quantity !== undefined) {
    if (quantity < 0) return f.reject('bad_number', `${f.column('quantity')} ${quantity} is negative`, 'quantity');
    event.quantity = quantity;
  }
  return { kind: 'event', event };
}
