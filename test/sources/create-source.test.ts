import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSource, demoPreset, SOURCE_NAMES } from '../../src/sources/index.ts';
import { collect } from './collect.ts';

describe('createSource', () => {
  it('builds each named source with its own options', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'grec-factory-'));
    writeFileSync(join(dir, 'users.csv'), 'id\nu1\n');
    writeFileSync(join(dir, 'behavior.csv'), '1,2,3,pv,1511544070\n');
    expect(SOURCE_NAMES).toEqual(['demo', 'lastfm', 'taobao', 'generic']);
    expect(createSource('demo', demoPreset('tiny')).name).toBe('demo');
    expect(createSource('lastfm', { dir }).name).toBe('lastfm');
    expect((await collect(createSource('taobao', { file: join(dir, 'behavior.csv') }))).counts).toEqual({
      category: 1,
      item: 1,
      user: 1,
      event: 1,
    });
    expect((await collect(createSource('generic', { dir }))).rows).toEqual([{ kind: 'user', user: { id: 'u1' } }]);
  });

  it('lets each source validate its options', () => {
    expect(() => createSource('demo', { seed: -1, users: 5, items: 5, categories: 1, eventsTarget: 1 })).toThrow(
      'Invalid demo options: seed:',
    );
  });
});
