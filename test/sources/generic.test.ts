import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENERIC_FORMAT_DOC } from '../../src/sources/generic/format-doc.ts';
import { createGenericSource } from '../../src/sources/generic/generic-source.ts';
import { parseTimestamp } from '../../src/sources/generic/timestamp.ts';
import { collect, ofKind } from './collect.ts';

const INVALID_UTF8 = Buffer.from([0xc3, 0x28]);

function shopDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'grec-generic-'));
  writeFileSync(
    join(dir, 'users.csv'),
    Buffer.concat([
      Buffer.from(
        [
          'id,name,age,gender,location,consent', // 1
          'u1,Ada,36,female,Berlin,yes', // 2
          ',NoId,20,,,', // 3 missing id
          'u3,Bob,abc,,,', // 4 bad age
          'u4,"Lovelace, Ada",,,,', // 5 quoted comma
          'u5,Carl,30,male,Paris,maybe', // 6 bad consent
          'u6,Dora,40', // 7 too few columns
          'u7,',
        ].join('\n'),
      ),
      INVALID_UTF8, // 8 invalid UTF-8 in name
      Buffer.from(',,,,\n'),
    ]),
  );
  writeFileSync(
    join(dir, 'items.csv'),
    [
      'id,title,price,category,tags,brand,colour', // 1
      'i1,Shoe,59.90,shoes|sale,running|kids,Acme,red', // 2
      'i2,Hat,-3,hats,,Acme,', // 3 negative price
      'i3,Bag,cheap,bags,,,', // 4 bad price
      'i4,"Multi', // 5 (a quoted value spanning lines 5-6)
      'line",10,bags,,,',
      'i5,Sock,,,,,', // 7
      '',
    ].join('\r\n'),
  );
  const jsonl = [
    '{"id":"e1","customer":"u1","sku":"i1","action":"pv","time":1700000000}',
    '{"id":"e2","customer":"u1","sku":"i1","action":"buy","time":"2024-01-02T10:00:00+02:00"}',
    '{"customer":"u1","sku":"i1","action":"pv","time":1700000000}',
    '{"id":"e4","customer":"u1","sku":"i1","action":"teleport","time":1700000000}',
    '{"id":"e5","customer":"u1","sku":"i1","action":"cart","time":"2024-02-30"}',
    '{"id":"e6", broken json',
    '',
    '{"id":"e8","customer":"u1","sku":"i1","action":"rate","time":1700000000123,"value":4.5}',
    '[1,2]',
    'INVALID',
    '{"id":"e11","customer":"u1","action":"pv","time":1}',
    '{"id":"e12","customer":"u1","sku":"i1","action":"pv","time":"2024-01-02 10:00"}',
    '{"id":"e13","customer":"u1","sku":"i1","action":"pv","time":1700000000,"value":"x"}',
  ].join('\n');
  const [before, after] = jsonl.split('INVALID');
  writeFileSync(
    join(dir, 'interactions.jsonl'),
    Buffer.concat([Buffer.from(`${before}{"id":"e10","customer":"u1","sku":"i`), INVALID_UTF8, Buffer.from(`","action":"pv","time":1}${after}\n`)]),
  );
  writeFileSync(join(dir, 'social.tsv'), 'from\tto\tkind\nu1\tu4\tfriend\nu4\tu1\t\nu1\tu1\tfriend\nu5\tu1\tfollow\nu5\tu6\tenemy\n');
  return dir;
}

const columns = { interactions: { userId: 'customer', itemId: 'sku', type: 'action', ts: 'time' } } as const;

describe('generic source', async () => {
  const dir = shopDir();
  const at = (name: string): string => join(dir, name);
  const { rows, rejections, counts } = await collect(createGenericSource({ dir, columns }));

  it('keeps every valid row and accounts for every data line', () => {
    expect(counts).toEqual({ user: 2, item: 3, event: 4, social: 3, rejected: 17 });
    // users 7 data lines, items 5 records, interactions 12 non-blank lines, social 5 rows.
    expect(rows.length).toBe(7 + 5 + 12 + 5);
  });

  it('maps users with optional fields left out when empty', () => {
    expect(ofKind(rows, 'user').map((r) => r.user)).toEqual([
      { id: 'u1', name: 'Ada', age: 36, gender: 'female', location: 'Berlin', consent: { social: true } },
      { id: 'u4', name: 'Lovelace, Ada' },
    ]);
  });

  it('maps items: lists split on |, other columns become attributes', () => {
    expect(ofKind(rows, 'item').map((r) => r.item)).toEqual([
      { id: 'i1', title: 'Shoe', price: 59.9, categoryIds: ['shoes', 'sale'], tagIds: ['running', 'kids'], attributes: { brand: 'Acme', colour: 'red' } },
      { id: 'i4', title: 'Multi\nline', price: 10, categoryIds: ['bags'] },
      { id: 'i5', title: 'Sock' },
    ]);
  });

  it('maps interactions through the column mapping, with the timestamp rule', () => {
    expect(ofKind(rows, 'event').map((r) => r.event)).toEqual([
      { id: 'e1', userId: 'u1', itemId: 'i1', type: 'view', ts: 1_700_000_000_000 },
      { id: 'e2', userId: 'u1', itemId: 'i1', type: 'purchase', ts: Date.UTC(2024, 0, 2, 8) },
      { id: 'e8', userId: 'u1', itemId: 'i1', type: 'rating', ts: 1_700_000_000_123, value: 4.5 },
      { id: 'e12', userId: 'u1', itemId: 'i1', type: 'view', ts: Date.UTC(2024, 0, 2, 10) },
    ]);
  });

  it('maps social rows, friend by default', () => {
    expect(ofKind(rows, 'social').map((r) => r.edge)).toEqual([
      { kind: 'FRIEND', from: 'u1', to: 'u4' },
      { kind: 'FRIEND', from: 'u4', to: 'u1' },
      { kind: 'FOLLOWS', from: 'u5', to: 'u1' },
    ]);
  });

  it('rejects each bad row with exact file:line, reason and the file’s column name', () => {
    expect(rejections.map((r) => [r.file, r.line, r.reason, r.field])).toEqual([
      [at('users.csv'), 3, 'missing_id', 'id'],
      [at('users.csv'), 4, 'bad_number', 'age'],
      [at('users.csv'), 6, 'malformed_row', 'consent'],
      [at('users.csv'), 7, 'malformed_row', undefined],
      [at('users.csv'), 8, 'bad_encoding', 'name'],
      [at('items.csv'), 3, 'negative_price', 'price'],
      [at('items.csv'), 4, 'bad_number', 'price'],
      [at('interactions.jsonl'), 3, 'missing_id', 'id'],
      [at('interactions.jsonl'), 4, 'unknown_event_type', 'action'],
      [at('interactions.jsonl'), 5, 'bad_timestamp', 'time'],
      [at('interactions.jsonl'), 6, 'malformed_row', undefined],
      [at('interactions.jsonl'), 9, 'malformed_row', undefined],
      [at('interactions.jsonl'), 10, 'bad_encoding', undefined],
      [at('interactions.jsonl'), 11, 'missing_field', 'sku'],
      [at('interactions.jsonl'), 13, 'bad_number', 'value'],
      [at('social.tsv'), 4, 'self_loop', 'to'],
      [at('social.tsv'), 6, 'malformed_row', 'kind'],
    ]);
    expect(rejections.map((r) => r.message)).toEqual([
      'id is missing',
      'age "abc" is not a number',
      'consent "maybe" is not a yes/no value',
      'expected 6 columns as in the header, got 3',
      'name is not valid UTF-8',
      'price -3 is negative',
      'price "cheap" is not a number',
      'id is missing',
      "action 'teleport' is not a known event type",
      'time "2024-02-30" is neither epoch seconds/ms nor ISO-8601 (from 1970)',
      expect.stringMatching(/^invalid JSON: /),
      'expected a JSON object per line',
      'line is not valid UTF-8',
      'sku is missing',
      'value "x" is not a number',
      'u1 cannot befriend themselves',
      "kind 'enemy' is neither friend nor follow",
    ]);
  });

  it('reports an unclosed quote once, keeps the rows before it, and says the rest was not read', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'grec-generic-broken-'));
    writeFileSync(join(broken, 'users.csv'), 'id,name\nu1,Ada\nu2,"Grace\nu3,Alan\n');
    const { rows: got } = await collect(createGenericSource({ dir: broken }));
    expect(got).toEqual([
      { kind: 'user', user: { id: 'u1', name: 'Ada' } },
      {
        kind: 'rejected',
        rejection: {
          file: join(broken, 'users.csv'),
          line: 3,
          reason: 'malformed_row',
          message: 'Quote Not Closed: the parsing is finished with an opening quote at line 4; the rest of the file was not read',
        },
      },
    ]);
  });

  it('takes explicit paths instead of a folder', async () => {
    const { counts: only } = await collect(createGenericSource({ files: { social: at('social.tsv') } }));
    expect(only).toEqual({ social: 3, rejected: 2 });
  });

  it('refuses ambiguous, missing or unsupported files at construction', () => {
    const both = shopDir();
    writeFileSync(join(both, 'users.jsonl'), '');
    expect(() => createGenericSource({ dir: both })).toThrow(
      `${both} holds ${join(both, 'users.csv')} and ${join(both, 'users.jsonl')}: keep one file per table`,
    );
    const empty = mkdtempSync(join(tmpdir(), 'grec-generic-empty-'));
    expect(() => createGenericSource({ dir: empty })).toThrow(`Generic source: nothing in ${empty}`);
    expect(() => createGenericSource({ files: { items: at('nope.csv') } })).toThrow(`items file not found: ${at('nope.csv')}`);
    expect(() => createGenericSource({ files: { items: at('items.xlsx') } })).toThrow('use a .csv, .tsv or .jsonl file for items');
  });

  it('keeps docs/generic-format.md identical to GENERIC_FORMAT_DOC', () => {
    expect(readFileSync(join(process.cwd(), 'docs/generic-format.md'), 'utf8')).toBe(GENERIC_FORMAT_DOC);
  });
});

describe('generic timestamp rule', () => {
  it.each([
    [1_700_000_000, 1_700_000_000_000],
    ['1700000000', 1_700_000_000_000],
    [99_999_999_999, 99_999_999_999_000],
    [100_000_000_000, 100_000_000_000],
    ['1700000000123', 1_700_000_000_123],
    ['2024-01-02', Date.UTC(2024, 0, 2)],
    ['2024-01-02T10:00', Date.UTC(2024, 0, 2, 10)],
    ['2024-01-02 10:00:05.250Z', Date.UTC(2024, 0, 2, 10, 0, 5, 250)],
    ['2024-01-02T10:00:00-0130', Date.UTC(2024, 0, 2, 11, 30)],
    ['2024-02-29', Date.UTC(2024, 1, 29)],
  ])('%j -> %d', (input, expected) => {
    expect(parseTimestamp(input)).toBe(expected);
  });

  it.each([['2023-02-29'], ['2024-02-30'], ['2024-01-02T24:00'], ['1969-12-31'], [-5], [1.5], ['1.5'], ['yesterday'], [''], [null]])(
    'rejects %j',
    (input) => {
      expect(parseTimestamp(input)).toBeUndefined();
    },
  );

  it('rejects ids with control or invisible characters as invalid_id, with file:line and the column', async () => {
    const d = mkdtempSync(join(tmpdir(), 'grec-generic-ids-'));
    writeFileSync(join(d, 'users.csv'), 'id,name\nu1,Ada\nu1\u200B,Fake Ada\nu\u202Eevil,RTL\n');
    writeFileSync(join(d, 'items.csv'), 'id,title,category\ni1,Shoe,shoes\ni2,Hat,ha\uFEFFts\n');
    writeFileSync(join(d, 'interactions.jsonl'), [
      '{"id":"e1","userId":"u1","itemId":"i1","type":"view","ts":1700000000}',
      '{"id":"e2","userId":"u1\\u0000","itemId":"i1","type":"view","ts":1700000000}',
      '{"id":"e3\\u2066","userId":"u1","itemId":"i1","type":"view","ts":1700000000}',
      '',
    ].join('\n'));
    writeFileSync(join(d, 'social.tsv'), 'from\tto\nu1\tu2\u200D\n');
    const got = await collect(createGenericSource({ dir: d }));
    expect(got.counts).toEqual({ user: 1, item: 1, event: 1, rejected: 6 });
    expect(got.rejections.map((r) => [r.file.slice(d.length + 1), r.line, r.reason, r.field])).toEqual([
      ['users.csv', 3, 'invalid_id', 'id'],
      ['users.csv', 4, 'invalid_id', 'id'],
      ['items.csv', 3, 'invalid_id', 'category'],
      ['interactions.jsonl', 2, 'invalid_id', 'userId'],
      ['interactions.jsonl', 3, 'invalid_id', 'id'],
      ['social.tsv', 2, 'invalid_id', 'to'],
    ]);
    expect(got.rejections[0]?.message).toBe('id contains the invisible or control character U+200B');
  });
});
