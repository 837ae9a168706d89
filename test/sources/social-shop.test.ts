// The social shop generator: deterministic from its seed, the shapes a review site has (one 1-5 rating per
// user and item, inside the log's window; trust without self-loops or duplicates; most users rate few items),
// trust that predicts taste, and the files it writes parse back through the generic source unchanged.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSocialShop } from '../../src/sources/social-shop/social-shop.ts';
import { socialShopPreset } from '../../src/sources/social-shop/social-shop-options.ts';
import { SOCIAL_SHOP_FILES, writeSocialShop } from '../../src/sources/social-shop/write-generic.ts';
import { createGenericSource } from '../../src/sources/generic/generic-source.ts';
import { collect, ofKind } from './collect.ts';

describe('social shop generator', () => {
  const tiny = generateSocialShop(socialShopPreset('tiny'));

  it('is deterministic: the same seed gives the same shop, another seed another one', () => {
    expect(generateSocialShop(socialShopPreset('tiny'))).toEqual(tiny);
    const other = generateSocialShop(socialShopPreset('tiny', { seed: 8 }));
    expect(other.ratings.items).not.toEqual(tiny.ratings.items);
  });

  it('has the tiny preset\'s exact sizes', () => {
    expect(tiny.userIds).toHaveLength(60);
    expect(tiny.items).toHaveLength(300);
    expect(tiny.ratings.users).toHaveLength(492);
    expect(tiny.trust.from).toHaveLength(231);
    expect(new Set(tiny.ratings.items).size).toBe(140); // the long tail: most items are never rated
    expect([1, 2, 3, 4, 5].map((v) => tiny.ratings.values.filter((x) => x === v).length)).toEqual([2, 33, 82, 163, 212]);
    expect(tiny.userIds[0]).toBe('su01');
    expect(tiny.items[0]).toEqual({ id: 'si001', title: 'Item 1', price: 26.42, category: 'cat3', tags: ['cat3-n2'] });
  });

  it('gives one rating per (user, item), 1-5 stars, in time order inside the log', () => {
    const r = tiny.ratings;
    const keys = new Set(Array.from(r.users, (u, k) => `${u}:${r.items[k]}`));
    expect(keys.size).toBe(r.users.length);
    const start = Date.parse('2012-01-01T00:00:00Z') / 1000;
    for (let k = 0; k < r.users.length; k++) {
      expect(r.values[k]).toBeGreaterThanOrEqual(1);
      expect(r.values[k]).toBeLessThanOrEqual(5);
      expect(r.ts[k]).toBeGreaterThanOrEqual(start);
      expect(r.ts[k]).toBeLessThan(start + 365 * 86_400);
      if (k > 0) expect(r.ts[k]).toBeGreaterThanOrEqual(r.ts[k - 1]!);
    }
    expect(new Set(r.users).size).toBe(60); // every user rated something
  });

  it('makes directed trust without self-loops or duplicates', () => {
    const { from, to } = tiny.trust;
    const keys = new Set(Array.from(from, (a, k) => `${a}:${to[k]}`));
    expect(keys.size).toBe(from.length);
    expect(Array.from(from).every((a, k) => a !== to[k])).toBe(true);
    // directed: some trust is not returned
    expect(Array.from(from).some((a, k) => !keys.has(`${to[k]}:${a}`))).toBe(true);
  });

  it('is sparse and heavy-tailed at scale, and trust predicts taste (homophily)', () => {
    const s = generateSocialShop(socialShopPreset('ciao', { users: 2000, items: 20_000 }));
    const per = new Int32Array(2000);
    for (const u of s.ratings.users) per[u]!++;
    const sorted = Array.from(per).sort((a, b) => a - b);
    const mean = s.ratings.users.length / 2000;
    expect(sorted[1000]).toBeLessThan(mean / 2); // most users rate few items, a few rate many
    expect(sorted[1999]).toBeGreaterThan(20 * sorted[1000]!);
    // Category overlap (Jaccard) of a truster and whom they trust, against pairs a fixed stride apart.
    const cats = Array.from({ length: 2000 }, () => new Set<string>());
    s.ratings.users.forEach((u, k) => cats[u]!.add(s.items[s.ratings.items[k]!]!.category));
    const jaccard = (a: number, b: number) => {
      const x = cats[a]!;
      const y = cats[b]!;
      const inter = [...x].filter((c) => y.has(c)).length;
      return inter / (x.size + y.size - inter);
    };
    const trusted = Array.from(s.trust.from, (a, k) => jaccard(a, s.trust.to[k]!));
    const random = Array.from(s.trust.from, (a, k) => jaccard(a, (a + 1 + 7 * k) % 2000));
    const avg = (xs: number[]) => xs.reduce((p, q) => p + q, 0) / xs.length;
    expect(avg(trusted)).toBeGreaterThan(1.5 * avg(random));
  });

  it('writes generic-format files that parse back with no rejection, byte for byte the same each time', async () => {
    const a = mkdtempSync(join(tmpdir(), 'grec-social-shop-'));
    const b = mkdtempSync(join(tmpdir(), 'grec-social-shop-'));
    const { rows } = await writeSocialShop(tiny, a);
    await writeSocialShop(generateSocialShop(socialShopPreset('tiny')), b);
    expect(rows).toEqual({ 'users.csv': 60, 'items.csv': 300, 'interactions.csv': 492, 'social.csv': 231 });
    for (const f of SOCIAL_SHOP_FILES) expect(readFileSync(join(a, f))).toEqual(readFileSync(join(b, f)));
    const parsed = (await collect(createGenericSource({ dir: a }))).rows;
    expect(ofKind(parsed, 'rejected')).toEqual([]);
    expect(ofKind(parsed, 'user')).toHaveLength(60);
    const items = ofKind(parsed, 'item');
    expect(items[0]!.item).toMatchObject({ id: 'si001', title: 'Item 1', price: 26.42, categoryIds: ['cat3'], tagIds: ['cat3-n2'] });
    const events = ofKind(parsed, 'event');
    expect(events).toHaveLength(492);
    expect(events.every((e) => e.event.type === 'rating')).toBe(true);
    expect(events.map((e) => e.event.value)).toEqual(Array.from(tiny.ratings.values));
    expect(events.map((e) => e.event.ts)).toEqual(Array.from(tiny.ratings.ts, (t) => t * 1000));
    const social = ofKind(parsed, 'social');
    expect(social).toHaveLength(231);
    expect(social.every((s) => s.edge.kind === 'FOLLOWS')).toBe(true);
  });
});
