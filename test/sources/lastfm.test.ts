import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLastfmSource } from '../../src/sources/lastfm/lastfm-source.ts';
import { collect, ofKind } from './collect.ts';
import { dataAvailable, sharedDataPath } from './data-dir.ts';

function fixtureDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'grec-lastfm-'));
  const write = (name: string, content: string | Buffer): void => writeFileSync(join(dir, name), content);
  // tags.dat is ISO-8859-1: 0xE1 is 'á'.
  write('tags.dat', Buffer.concat([Buffer.from('tagID\ttagValue\n1\tmetal\n2\ttropic'), Buffer.from([0xe1]), Buffer.from('lia\nx3\tpunk\n')]));
  write(
    'artists.dat',
    Buffer.concat([
      Buffer.from('id\tname\turl\tpictureURL\n'),
      Buffer.from('1\tMALICE MIZER\thttp://last.fm/m\thttp://img/1.jpg\n'),
      Buffer.from('2\tBj\u00f6rk\t\t\n'), // UTF-8 name, no urls
      Buffer.from('3\tBad '), Buffer.from([0xff, 0xfe]), Buffer.from('Bytes\t\t\n'), // line 4: invalid UTF-8
      Buffer.from('4\tToo few\n'), // line 5
    ]),
  );
  write('user_artists.dat', 'userID\tartistID\tweight\n2\t1\t100\n2\t2\t5\n7\t1\t-3\n7\tx\t4\n\n7\t2\t0\n');
  write('user_friends.dat', 'userID\tfriendID\n2\t7\n7\t2\n9\t2\n5\t5\n');
  write(
    'user_taggedartists.dat',
    'userID\tartistID\ttagID\tday\tmonth\tyear\n2\t1\t1\t1\t4\t2009\n7\t1\t1\t1\t5\t2009\n2\t1\t1\t2\t5\t2009\n2\t2\t2\t1\t4\t2009\n9\t1\t2\t1\t4\tMMIX\n',
  );
  return dir;
}

describe('lastfm source on a fixture', () => {
  const dir = fixtureDir();
  const at = (name: string): string => join(dir, name);

  it('yields tags, artists, listening counts, deduplicated friendships and tag usage', async () => {
    const { rows, counts } = await collect(createLastfmSource({ dir }));
    expect(counts).toEqual({ tag: 2, item: 2, user: 3, aggregate: 3, social: 2, itemTag: 2, rejected: 7 });
    expect(ofKind(rows, 'tag').map((r) => r.tag)).toEqual([
      { id: 'lfm-t1', name: 'metal' },
      { id: 'lfm-t2', name: 'tropicália' },
    ]);
    expect(ofKind(rows, 'item').map((r) => r.item)).toEqual([
      { id: 'lfm-a1', title: 'MALICE MIZER', attributes: { url: 'http://last.fm/m', pictureUrl: 'http://img/1.jpg' } },
      { id: 'lfm-a2', title: 'Björk' },
    ]);
    expect(ofKind(rows, 'aggregate').map((r) => r.interaction)).toEqual([
      { userId: 'lfm-u2', itemId: 'lfm-a1', count: 100 },
      { userId: 'lfm-u2', itemId: 'lfm-a2', count: 5 },
      { userId: 'lfm-u7', itemId: 'lfm-a2', count: 0 },
    ]);
    // 2-7 is listed both ways: one edge. 9-2 is listed once: still one edge, oriented from < to.
    expect(ofKind(rows, 'social').map((r) => r.edge)).toEqual([
      { kind: 'FRIEND', from: 'lfm-u2', to: 'lfm-u7' },
      { kind: 'FRIEND', from: 'lfm-u2', to: 'lfm-u9' },
    ]);
    expect(ofKind(rows, 'user').map((r) => r.user.id)).toEqual(['lfm-u2', 'lfm-u7', 'lfm-u9']);
    // User 2 tagged artist 1 with tag 1 twice (different days): counted once.
    expect(ofKind(rows, 'itemTag').map((r) => r.itemTag)).toEqual([
      { itemId: 'lfm-a1', tagId: 'lfm-t1', count: 2 },
      { itemId: 'lfm-a2', tagId: 'lfm-t2', count: 1 },
    ]);
  });

  it('rejects malformed lines with file:line, reason and field', async () => {
    const { rejections } = await collect(createLastfmSource({ dir }));
    expect(rejections.map((r) => [r.file, r.line, r.reason, r.field])).toEqual([
      [at('tags.dat'), 4, 'bad_number', 'tagID'],
      [at('artists.dat'), 4, 'bad_encoding', 'name'],
      [at('artists.dat'), 5, 'malformed_row', undefined],
      [at('user_artists.dat'), 4, 'bad_number', 'weight'],
      [at('user_artists.dat'), 5, 'bad_number', 'artistID'],
      [at('user_friends.dat'), 5, 'self_loop', 'friendID'],
      [at('user_taggedartists.dat'), 6, 'bad_number', 'year'],
    ]);
    expect(rejections.map((r) => r.message)).toEqual([
      "tagID 'x3' is not a non-negative integer",
      'name is not valid UTF-8',
      'expected 4 tab-separated columns (id, name, url, pictureURL), got 2',
      "weight '-3' is not a non-negative integer",
      "artistID 'x' is not a non-negative integer",
      'user 5 is listed as their own friend',
      "year 'MMIX' is not a non-negative integer",
    ]);
  });

  it('reports a wrong header as a malformed first line', async () => {
    const bad = fixtureDir();
    writeFileSync(join(bad, 'user_friends.dat'), 'user\tfriend\n2\t7\n');
    const { rejections, counts } = await collect(createLastfmSource({ dir: bad }));
    expect(rejections.find((r) => r.file === join(bad, 'user_friends.dat'))).toEqual({
      file: join(bad, 'user_friends.dat'),
      line: 1,
      reason: 'malformed_row',
      message: "expected header 'userID\\tfriendID'",
    });
    expect(counts.social).toBe(1);
  });

  it('names the missing files when the folder is incomplete', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'grec-lastfm-empty-'));
    await expect(collect(createLastfmSource({ dir: empty }))).rejects.toThrow(
      `Last.fm folder ${empty} lacks tags.dat, artists.dat, user_artists.dat, user_friends.dat, user_taggedartists.dat`,
    );
  });
});

const realDir = sharedDataPath('lastfm-hetrec-2k');

/** Independent count of distinct (artist, tag) pairs, by plain splitting. */
function distinctArtistTagPairs(dir: string): number {
  const lines = readFileSync(join(dir, 'user_taggedartists.dat'), 'utf8').split('\n').slice(1).filter((l) => l !== '');
  return new Set(lines.map((l) => l.split('\t').slice(1, 3).join(':'))).size;
}

describe.skipIf(!dataAvailable(realDir, 'Last.fm HetRec 2K'))('lastfm source on the real HetRec 2K files', () => {
  it('yields the published counts with no rejections', async () => {
    const source = createLastfmSource({ dir: realDir });
    const { rows, counts } = await collect(source);
    expect(rows.length).toBe(source.estimatedRows);
    const pairs = distinctArtistTagPairs(realDir);
    expect(pairs).toBe(109_750);
    expect(counts).toEqual({ tag: 11_946, item: 17_632, user: 1_892, aggregate: 92_834, social: 12_717, itemTag: pairs });
    // Every tagging row is a distinct (user, artist, tag), so the counts sum back to the 186,479 rows.
    expect(ofKind(rows, 'itemTag').reduce((sum, r) => sum + r.itemTag.count, 0)).toBe(186_479);
    const edges = ofKind(rows, 'social').map((r) => r.edge);
    expect(edges.every((e) => Number(e.from.slice(5)) < Number(e.to.slice(5)))).toBe(true);
    expect(ofKind(rows, 'tag').find((r) => r.tag.id === 'lfm-t2863')?.tag.name).toBe('tropicália');
  });
});
