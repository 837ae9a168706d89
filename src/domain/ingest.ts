import type { InteractionEvent } from './events.ts';
import type { AggregateInteraction, Category, Item, ItemTag, SocialEdge, Tag, User } from './entities.ts';

/** Why a source row was rejected. Closed set so reports can be grouped and counted. */
export type RejectReason =
  | 'missing_id'
  /** An id holding control or invisible characters (src/domain/id-text.ts). */
  | 'invalid_id'
  | 'missing_field'
  | 'bad_timestamp'
  | 'unknown_event_type'
  | 'bad_encoding'
  | 'negative_price'
  | 'bad_number'
  | 'malformed_row'
  | 'self_loop';

/** A rejected source row: what was wrong and exactly where (file:line, field). */
export interface Rejection {
  readonly file: string;
  readonly line: number;
  readonly reason: RejectReason;
  readonly field?: string;
  readonly message: string;
}

/**
 * One parsed record from a data source, ready for the graph writer.
 * Writers MERGE referenced users/items/categories by id, so records may arrive in any order.
 */
export type IngestRecord =
  | { readonly kind: 'user'; readonly user: User }
  | { readonly kind: 'item'; readonly item: Item }
  | { readonly kind: 'category'; readonly category: Category }
  | { readonly kind: 'tag'; readonly tag: Tag }
  | { readonly kind: 'event'; readonly event: InteractionEvent }
  | { readonly kind: 'aggregate'; readonly interaction: AggregateInteraction }
  | { readonly kind: 'itemTag'; readonly itemTag: ItemTag }
  | { readonly kind: 'social'; readonly edge: SocialEdge };

export type RecordKind = IngestRecord['kind'];

/** What a source yields: a record or a rejection, each counted as one row read. */
export type SourceRow = IngestRecord | { readonly kind: 'rejected'; readonly rejection: Rejection };

export interface DataSource {
  /** Short name for reports, e.g. "demo", "lastfm". */
  readonly name: string;
  /** Rows the source expects to yield, when known up front (drives the progress bar's ETA). */
  readonly estimatedRows?: number;
  rows(): AsyncIterable<SourceRow>;
}
