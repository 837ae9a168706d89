// The bulk importer's CSV files (storage/bulk/import-files.ts): one file per property signature, so a
// property keeps the type the batched path stores (storage/values.ts: safe integers are longs).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { EventId, ItemId, UserId } from '../../src/domain/ids.ts';
import { BulkGraph } from '../../src/storage/bulk/bulk-graph.ts';
import { writeImportFiles } from '../../src/storage/bulk/import-files.ts';

describe('writeImportFiles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'grec-import-files-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('splits nodes by property types, quotes strings and flags line breaks', async () => {
    const g = new BulkGraph();
    await g.items([{ id: 'i1' as ItemId, price: 9, title: 'Mug, "blue"' }, { id: 'i2' as ItemId, price: 9.5 }]);
    await g.users([{ id: 'u1' as UserId, location: 'Oslo\nNorway' }]);
    await g.events([{ id: 'e1' as EventId, userId: 'u1' as UserId, itemId: 'i1' as ItemId, type: 'view', ts: 1000 }]);
    const out = writeImportFiles(g, dir);
    expect(out.multiline).toBe(true);
    const read = (kind: string, name: string): string[] =>
      out.files.filter((f) => f.kind === kind && f.name === name).map((f) => readFileSync(f.path, 'utf8')).sort();
    expect(read('nodes', 'Item')).toEqual([
      'id:ID(Item),price:double\n"i2",9.5\n',
      'id:ID(Item),price:long,title:string\n"i1",9,"Mug, ""blue"""\n',
    ]);
    // The event's user gained the profile counters; monetary and weights are doubles even when whole.
    expect(read('nodes', 'User')).toEqual([
      'id:ID(User),cancels:long,carts:long,favourites:long,firstActivityTs:long,lastActivityTs:long,location:string,'
      + 'monetary:double,purchases:long,ratings:long,unpricedPurchases:long,views:long\n"u1",0,0,0,1000,1000,"Oslo\nNorway",0,0,0,0,1\n',
    ]);
    expect(read('nodes', 'Event')).toEqual(['id:ID(Event),ts:long,type:string\n"e1",1000,"view"\n']);
    expect(read('relationships', 'INTERACTED')).toEqual([
      ':START_ID(User),:END_ID(Item),cancels:long,carts:long,favourites:long,firstTs:long,lastTs:long,purchases:long,'
      + 'ratingSum:double,ratings:long,views:long,weight:double\n"u1","i1",0,0,0,1000,1000,0,0,0,1,1\n',
    ]);
    expect(out.files.every((f) => basename(f.path).startsWith(`${f.kind}-${f.name}-`))).toBe(true);
  });
});
