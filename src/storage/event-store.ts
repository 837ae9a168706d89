import type { EventType } from '../domain/events.ts';
import type { EventId, ItemId, UserId } from '../domain/ids.ts';
import { cypher } from './cypher-files.ts';
import type { Executor, Row } from './executor.ts';

export interface StoredEvent {
  readonly id: EventId;
  readonly userId: UserId;
  readonly itemId: ItemId;
  readonly type: EventType;
  readonly ts: number;
  readonly value: number | null;
}

/** Reads stored interaction events (the per-user sequences). */
export class EventStore {
  constructor(private readonly executor: Executor) {}

  /** Newest first, keyset-paginated on (ts, id). */
  async userEventsPage(
    userId: UserId,
    before: { ts: number; id: string } | null,
    first: number,
    type: EventType | null,
  ): Promise<StoredEvent[]> {
    const rows = await this.executor.read(cypher('api/interactions-page'), {
      userId, first, type, beforeTs: before?.ts ?? null, beforeId: before?.id ?? null,
    });
    return rows.map(toEvent);
  }

  async byId(id: EventId): Promise<StoredEvent | null> {
    const rows = await this.executor.read(cypher('api/event-by-id'), { id });
    return rows[0] !== undefined ? toEvent(rows[0]) : null;
  }
}

function toEvent(r: Row): StoredEvent {
  return {
    id: String(r['id']) as EventId,
    userId: String(r['userId']) as UserId,
    itemId: String(r['itemId']) as ItemId,
    type: String(r['type']) as EventType,
    ts: Number(r['ts']),
    value: r['value'] === null || r['value'] === undefined ? null : Number(r['value']),
  };
}
