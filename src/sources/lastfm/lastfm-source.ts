import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { invalidInput } from '../../domain/errors.ts';
import { asItemId, asTagId, asUserId } from '../../domain/ids.ts';
import type { SourceRow } from '../../domain/ingest.ts';
import { type BatchedDataSource, batchedSource } from '../shared/batched-source.ts';
import { rejected } from '../shared/rejection.ts';
import { LASTFM_ESTIMATED_ROWS, LASTFM_FILES } from './lastfm-files.ts';
import { parseIntColumns, readLastfmTable } from './lastfm-table.ts';
import { TagUsage } from './tag-usage.ts';

export interface LastfmSourceOptions {
  /** Folder holding the original HetRec 2011 Last.fm 2K `.dat` files. */
  readonly dir: string;
  /**
   * Leaves out a (user, artist) pair: its listening aggregate and the user's own tag assignments to that
   * artist (the served evaluation, src/eval/served/, holds pairs out this way; tags others applied stay).
   */
  readonly excludePair?: (user: number, artist: number) => boolean;
}

export const lastfmUserId = (id: number) => asUserId(`lfm-u${id}`);
export const lastfmArtistId = (id: number) => asItemId(`lfm-a${id}`);
export const lastfmTagId = (id: number) => asTagId(`lfm-t${id}`);

/**
 * HetRec 2011 Last.fm 2K (Cantador et al., RecSys 2011). Yields, in file order:
 * tag records (tags.dat, ISO-8859-1), item records (artists.dat), for user_artists.dat an `aggregate`
 * per row (count = listening weight), for user_friends.dat one FRIEND edge per unordered pair (from <
 * to numerically; the file lists both directions, so the second direction yields nothing), then one
 * `itemTag` per (artist, tag) with count = distinct users who applied it. A `user` record precedes a
 * user's first appearance in any file. Rows read are therefore not 1:1 with records for the friend
 * and tagging files; every rejected line is still reported with file:line.
 */
export function createLastfmSource(options: LastfmSourceOptions): BatchedDataSource {
  return batchedSource('lastfm', LASTFM_ESTIMATED_ROWS, () => lastfmBatches(options.dir, options.excludePair));
}

async function* lastfmBatches(dir: string, excludePair: LastfmSourceOptions['excludePair']): AsyncGenerator<readonly SourceRow[]> {
  const missing = Object.values(LASTFM_FILES).filter((f) => !existsSync(join(dir, f.name)));
  if (missing.length > 0) {
    throw invalidInput(`Last.fm folder ${dir} lacks ${missing.map((f) => f.name).join(', ')}`, { dir });
  }
  const users = new Set<number>();
  const seeUser = (id: number, out: SourceRow[]): void => {
    if (users.has(id)) return;
    users.add(id);
    out.push({ kind: 'user', user: { id: lastfmUserId(id) } });
  };

  const { tags, artists, userArtists, userFriends, userTaggedArtists } = LASTFM_FILES;

  yield* readLastfmTable(join(dir, tags.name), tags, (row, out) => {
    const ids = parseIntColumns(row, tags, [0], out);
    if (ids === undefined) return;
    const name = (row.fields[1] ?? '').trim();
    if (name === '') return void out.push(rejected(row.path, row.line, 'missing_field', 'tagValue is empty', 'tagValue'));
    out.push({ kind: 'tag', tag: { id: lastfmTagId(ids[0] ?? 0), name } });
  });

  yield* readLastfmTable(join(dir, artists.name), artists, (row, out) => {
    const ids = parseIntColumns(row, artists, [0], out);
    if (ids === undefined) return;
    const [, rawName = '', url = '', pictureUrl = ''] = row.fields;
    const name = rawName.trim();
    if (name === '') return void out.push(rejected(row.path, row.line, 'missing_field', 'name is empty', 'name'));
    const attributes: Record<string, string> = {};
    if (url.trim() !== '') attributes['url'] = url.trim();
    if (pictureUrl.trim() !== '') attributes['pictureUrl'] = pictureUrl.trim();
    const id = lastfmArtistId(ids[0] ?? 0);
    out.push({ kind: 'item', item: Object.keys(attributes).length > 0 ? { id, title: name, attributes } : { id, title: name } });
  });

  yield* readLastfmTable(join(dir, userArtists.name), userArtists, (row, out) => {
    const ids = parseIntColumns(row, userArtists, [0, 1, 2], out);
    if (ids === undefined) return;
    const [user = 0, artist = 0, weight = 0] = ids;
    seeUser(user, out);
    if (excludePair?.(user, artist) === true) return;
    out.push({ kind: 'aggregate', interaction: { userId: lastfmUserId(user), itemId: lastfmArtistId(artist), count: weight } });
  });

  const pairs = new Set<string>();
  yield* readLastfmTable(join(dir, userFriends.name), userFriends, (row, out) => {
    const ids = parseIntColumns(row, userFriends, [0, 1], out);
    if (ids === undefined) return;
    const [a = 0, b = 0] = ids;
    if (a === b) return void out.push(rejected(row.path, row.line, 'self_loop', `user ${a} is listed as their own friend`, 'friendID'));
    const [from, to] = a < b ? [a, b] : [b, a];
    seeUser(a, out);
    seeUser(b, out);
    const key = `${from}:${to}`;
    if (pairs.has(key)) return;
    pairs.add(key);
    out.push({ kind: 'social', edge: { kind: 'FRIEND', from: lastfmUserId(from), to: lastfmUserId(to) } });
  });

  const usage = new TagUsage();
  yield* readLastfmTable(join(dir, userTaggedArtists.name), userTaggedArtists, (row, out) => {
    // day/month/year are validated as numbers but not used: tagging dates are not part of the graph.
    const ids = parseIntColumns(row, userTaggedArtists, [0, 1, 2, 3, 4, 5], out);
    if (ids === undefined) return;
    const [user = 0, artist = 0, tag = 0] = ids;
    seeUser(user, out);
    if (excludePair?.(user, artist) === true) return;
    usage.add(user, artist, tag);
  });

  let batch: SourceRow[] = [];
  for (const [artist, tag, count] of usage.pairs()) {
    batch.push({ kind: 'itemTag', itemTag: { itemId: lastfmArtistId(artist), tagId: lastfmTagId(tag), count } });
    if (batch.length === 4096) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
