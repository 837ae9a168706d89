import type { IngestRecord } from '../../domain/ingest.ts';
import type { UserIdCodec } from './user-id-codec.ts';

/**
 * A source record as the graph may store it: every user id (users, events, play counts, both ends of a social
 * edge) through the codec, user PII dropped unless kept. Items, categories and tags carry no user data.
 */
export function pseudonymiseRecord(r: IngestRecord, ids: UserIdCodec): IngestRecord {
  switch (r.kind) {
    case 'user': return { kind: 'user', user: ids.user(r.user) };
    case 'event': return { kind: 'event', event: { ...r.event, userId: ids.map(r.event.userId) } };
    case 'aggregate': return { kind: 'aggregate', interaction: { ...r.interaction, userId: ids.map(r.interaction.userId) } };
    case 'social': return { kind: 'social', edge: { ...r.edge, from: ids.map(r.edge.from), to: ids.map(r.edge.to) } };
    case 'item':
    case 'category':
    case 'tag':
    case 'itemTag':
      return r;
  }
}
