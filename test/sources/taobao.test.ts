import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTaobaoSource } from '../../src/sources/taobao/taobao-source.ts';
import { collect, ofKind } from './collect.ts';
import { dataAvailable, sharedDataPath } from './data-dir.ts';

function fixture(content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'grec-taobao-')), 'behavior.csv');
  writeFileSync(file, content);
  return file;
}

describe('taobao source on a fixture', () => {
  const lines = [
    '1,100,10,pv,1511544070', // 1
    '1,100,10,pv,1511544070', // 2 exact duplicate of line 1
    '1,100,10,buy,1511544100', // 3
    '2,101,11,fav,1511544200', // 4
    '2,abc,11,pv,1511544200', // 5 bad item id
    '2,101,11,share,1511544200', // 6 unknown behaviour
    '2,101,11,cart,-5', // 7 negative timestamp
    '2,101,11,cart,1.5', // 8 fractional timestamp
    '2,101,11,cart', // 9 four columns
    '', // 10 blank: not a row
    ',101,11,cart,1511544300', // 11 missing user id
  ];
  const file = fixture(`${lines.join('\n')}\n3,102,10,cart,1511544300\r\n`); // line 12, CRLF

  it('yields first-seen entities before each event, with stable content-derived ids', async () => {
    const { rows } = await collect(createTaobaoSource({ file }));
    expect(rows.slice(0, 4)).toEqual([
      { kind: 'category', category: { id: 'tb-c10' } },
      { kind: 'item', item: { id: 'tb-i100', categoryIds: ['tb-c10'] } },
      { kind: 'user', user: { id: 'tb-u1' } },
      { kind: 'event', event: { id: 'tb-1-100-view-1511544070-0', userId: 'tb-u1', itemId: 'tb-i100', type: 'view', ts: 1511544070000 } },
    ]);
    expect(ofKind(rows, 'event').map((r) => [r.event.id, r.event.type, r.event.ts])).toEqual([
      ['tb-1-100-view-1511544070-0', 'view', 1511544070000],
      ['tb-1-100-view-1511544070-1', 'view', 1511544070000],
      ['tb-1-100-purchase-1511544100-0', 'purchase', 1511544100000],
      ['tb-2-101-favourite-1511544200-0', 'favourite', 1511544200000],
      ['tb-3-102-cart-1511544300-0', 'cart', 1511544300000],
    ]);
  });

  it('rejects each bad row with file, line, reason and field', async () => {
    const { rejections } = await collect(createTaobaoSource({ file }));
    expect(rejections.map((r) => [r.file, r.line, r.reason, r.field])).toEqual([
      [file, 5, 'bad_number', 'item_id'],
      [file, 6, 'unknown_event_type', 'behavior_type'],
      [file, 7, 'bad_timestamp', 'timestamp'],
      [file, 8, 'bad_timestamp', 'timestamp'],
      [file, 9, 'malformed_row', undefined],
      [file, 11, 'missing_id', 'user_id'],
    ]);
    expect(rejections[1]?.message).toBe("unknown behavior_type 'share' (expected pv, fav, cart or buy)");
  });

  it('accounts for every non-blank line as an event or a rejection', async () => {
    const { counts } = await collect(createTaobaoSource({ file }));
    expect(counts).toEqual({ category: 2, item: 3, user: 3, event: 5, rejected: 6 });
    expect((counts.event ?? 0) + (counts.rejected ?? 0)).toBe(11);
  });

  it('hands out the same rows in batches', async () => {
    const flat: unknown[] = [];
    for await (const batch of createTaobaoSource({ file }).batches()) flat.push(...batch);
    expect(flat).toEqual((await collect(createTaobaoSource({ file }))).rows);
  });

  it('gives identical ids when the file is re-read', async () => {
    const ids = async (): Promise<string[]> =>
      ofKind((await collect(createTaobaoSource({ file }))).rows, 'event').map((r) => r.event.id);
    expect(await ids()).toEqual(await ids());
  });

  it('fails clearly when the file does not exist', async () => {
    await expect(collect(createTaobaoSource({ file: '/nonexistent/ub.csv' }))).rejects.toThrow(
      'Taobao file not found: /nonexistent/ub.csv',
    );
  });
});

const realFile = sharedDataPath('taobao-userbehavior', 'UserBehavior_prefix_814users.csv');

describe.skipIf(!dataAvailable(realFile, 'Taobao UserBehavior prefix'))('taobao source on the real 814-user prefix', () => {
  it('loads every row with the documented counts and unique ids', async () => {
    const source = createTaobaoSource({ file: realFile });
    // The estimate (file size / 37.6 bytes per line * 1.7 records per line) is within 0.2% here.
    expect(source.estimatedRows).toBe(143_398);
    const { rows, counts } = await collect(source);
    expect(counts).toEqual({ event: 84_287, user: 814, item: 55_233, category: 2_911 });
    const events = ofKind(rows, 'event').map((r) => r.event);
    const byType: Record<string, number> = {};
    for (const e of events) byType[e.type] = (byType[e.type] ?? 0) + 1;
    expect(byType).toEqual({ view: 75_693, cart: 4_494, favourite: 2_351, purchase: 1_749 });
    expect(new Set(events.map((e) => e.id)).size).toBe(84_287);
  });

  it('streams every row: events plus one record per user, item and category', async () => {
    let rows = 0;
    for await (const _ of createTaobaoSource({ file: realFile }).rows()) rows++;
    expect(rows).toBe(84_287 + 814 + 55_233 + 2_911);
  });
});
