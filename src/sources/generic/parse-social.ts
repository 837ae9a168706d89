import type { SocialKind } from '../../domain/entities.ts';
import { asUserId } from '../../domain/ids.ts';
import type { SourceRow } from '../../domain/ingest.ts';
import { isRejected } from '../shared/rejection.ts';
import type { RowFields } from './row-fields.ts';

const KINDS: Readonly<Record<string, SocialKind>> = { friend: 'FRIEND', friends: 'FRIEND', follow: 'FOLLOWS', follows: 'FOLLOWS' };

/**
 * social: from, to (user ids, required, different), kind friend|follow (default friend). One record
 * per row: a friendship listed in both directions yields two FRIEND records, which writers MERGE.
 */
export function parseSocialRow(f: RowFields<'social'>): SourceRow {
  const from = f.id('from', 'missing_field');
  if (isRejected(from)) return from;
  const to = f.id('to', 'missing_field');
  if (isRejected(to)) return to;
  const rawKind = f.text('kind');
  if (isRejected(rawKind)) return rawKind;
  const kind = rawKind === undefined ? 'FRIEND' : KINDS[rawKind.toLowerCase()];
  if (kind === undefined) return f.reject('malformed_row', `${f.column('kind')} '${rawKind}' is neither friend nor follow`, 'kind');
  if (from === to) return f.reject('self_loop', `${from} cannot ${kind === 'FRIEND' ? 'befriend' : 'follow'} themselves`, 'to');
  return { kind: 'social', edge: { kind, from: asUserId(from), to: asUserId(to) } };
}
