import type { EventType } from '../domain/events.ts';
import type { EventId, ItemId, UserId } from '../domain/ids.ts';
import { ATTRIBUTION_PROPERTIES, type Attribution } from '../domain/loop.ts';
import { cypher } from './cypher-files.ts';
import type { Executor, Row } from './executor.ts';

export interface StoredEvent {
  readonly id: EventId;
  readonly userId: UserId;
  readonly itemId: ItemId;
  readonly type: EventType;
  readonly ts: number;
  readonly value: number | null;
  /** Set when recordInteraction attributed it to a page (docs/loop.md). */
  readonly attribution: Attribution | null;
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
    attribution: attributionFrom(r['attribution']),
  };
}

/** An Event node's attribution properties (ATTRIBUTION_PROPERTIES names; nulls left out), as written. */
export function attributionProperties(a: Attribution): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const key of Object.keys(ATTRIBUTION_PROPERTIES) as (keyof Attribution)[]) {
    const v = a[key];
    if (v !== null) out[ATTRIBUTION_PROPERTIES[key]] = v;
  }
  return out;
}

/** The `attribution` column of the event queries: the node's attribution properties, or null when unattributed. */
function attributionFrom(raw: unknown): Attribution | null {
  if (raw === null || raw === undefined || typeof raw !== 'object') return null;
  const m = raw as Record<string, unknown>;
  const text = (k: keyof Attribution): string | null => {
    const v = m[ATTRIBUTION_PROPERTIES[k]];
    return v === null || v === undefined ? null : String(v);
  };
  return {
    recommendationId: String(m[ATTRIBUTION_PROPERTIES.recommendationId]),
    strategy: text('strategy'),
    experimentKey: text('experimentKey'),
    variant: text('variant'),
    campaignId: text('campaignId'),
    position: Number(m[ATTRIBUTION_PROPERTIES.position]),
    servedAt: Number(m[ATTRIBUTION_PROPERTIES.servedAt]),
  };
}
