import { AppError, invalidInput } from '../../domain/errors.ts';
import { isEventType, type EventType, type InteractionEvent } from '../../domain/events.ts';
import { asEventId, asItemId } from '../../domain/ids.ts';
import type { EventStore, StoredEvent } from '../../storage/event-store.ts';
import type { GraphWriter } from '../../storage/graph-writer.ts';
import { optionalNonNegative, parseInstant, requireId } from './validate.ts';
import type { WriteObserver } from './write-observer.ts';
import type { Principal } from '../../domain/principal.ts';
import { authorize } from '../access/permissions.ts';
import { PLAIN_USER_IDS, type UserIdCodec } from '../privacy/user-id-codec.ts';
import { attribute } from '../loop/attribution.ts';
import type { RecommendationIds } from '../loop/recommendation-id.ts';

export interface RecordInteractionInput {
  readonly eventId: string;
  readonly userId: string;
  readonly itemId: string;
  readonly type: string;
  readonly at?: string | null;
  readonly value?: number | null;
  /** The page or offer the interaction came from (docs/loop.md): attributes it when it qualifies. */
  readonly recommendationId?: string | null;
}

/** What attribution needs: the id codec and GREC_ATTRIBUTION_WINDOW_HOURS in ms (Services.loop has both). */
export interface AttributionDeps {
  readonly recIds: RecommendationIds;
  readonly attributionWindowMs: number;
}

/**
 * Records one interaction through the same idempotent writer as batch ingestion. A retried request with
 * the same event id creates nothing and returns the stored event with created = false; a different payload
 * under an existing id is a CONFLICT (the id was already used for something else).
 * With a recommendationId: a forged id, or one naming another user's page, is INVALID_INPUT (nothing
 * written); an item not on the page or an event outside the attribution window is recorded unattributed.
 * Attribution is set only when the event is created: a retry leaves the stored one as it was.
 */
export async function recordInteraction(
  p: Principal,
  input: RecordInteractionInput,
  deps: { writer: GraphWriter; events: EventStore; now: () => number; observer: WriteObserver; userIds?: UserIdCodec; loop: AttributionDeps },
): Promise<{ event: StoredEvent; created: boolean }> {
  const userId = (deps.userIds ?? PLAIN_USER_IDS).encode(input.userId, 'userId');
  authorize(p, 'event:write', userId);
  const type = input.type.toLowerCase();
  if (!isEventType(type)) throw invalidInput(`unknown interaction type '${input.type}'`, { field: 'type' });
  const value = input.value ?? undefined;
  if (type === 'rating' && (value === undefined || value < 1 || value > 5)) {
    throw invalidInput('a RATING needs value between 1 and 5', { field: 'value', value });
  }
  // A purchase may carry its order value (spend, customer value models); without one the item's price counts.
  if (type === 'purchase' && value !== undefined) optionalNonNegative('value', value);
  if (type !== 'rating' && type !== 'purchase' && value !== undefined) throw invalidInput('value is only allowed for RATING (1..5) and PURCHASE (order value)', { field: 'value' });
  const plain = {
    id: asEventId(requireId('eventId', input.eventId)),
    userId,
    itemId: asItemId(requireId('itemId', input.itemId)),
    type: type as EventType,
    ts: parseInstant('at', input.at) ?? deps.now(),
    ...(value !== undefined ? { value } : {}),
  };
  const event: InteractionEvent = { ...plain, ...attributionOf(input.recommendationId, plain, deps.loop) };
  const created = (await deps.writer.events([event])) === 1;
  const stored = await deps.events.byId(event.id);
  if (stored === null) throw new AppError('UNAVAILABLE', `event '${event.id}' was not readable after writing`);
  if (!created && (stored.userId !== event.userId || stored.itemId !== event.itemId || stored.type !== event.type)) {
    throw new AppError('CONFLICT', `eventId '${event.id}' was already recorded for a different interaction`, { eventId: event.id });
  }
  if (created) deps.observer.interactionRecorded(event.userId, event.itemId);
  return { event: stored, created };
}

/** `{ attribution }` when the event qualifies for the page, else nothing (it is stored unattributed). */
function attributionOf(recommendationId: string | null | undefined, event: Omit<InteractionEvent, 'attribution'>, loop: AttributionDeps): Pick<InteractionEvent, 'attribution'> {
  if (recommendationId === null || recommendationId === undefined) return {};
  const page = loop.recIds.decode(recommendationId, 'recommendationId');
  if (page.userId !== event.userId) {
    throw invalidInput('recommendationId names a page served to another user', { field: 'recommendationId' });
  }
  const outcome = attribute(page, event, loop.attributionWindowMs);
  return outcome.kind === 'attributed' ? { attribution: outcome.attribution } : {};
}
