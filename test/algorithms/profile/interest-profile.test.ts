import { describe, expect, it } from 'vitest';
import { interestProfile, type ItemFacets, type ProfileEvent } from '../../../src/algorithms/profile/index.ts';
import { expectAppError } from '../markov/expect-app-error.ts';

const DAY = 86_400_000;
const NOW = Date.UTC(2024, 5, 1);
const FACETS: Readonly<Record<string, ItemFacets>> = {
  boot: { categoryIds: ['shoes', 'outdoor'], tagIds: ['leather'] },
  tent: { categoryIds: ['outdoor'], tagIds: ['camping', 'camping'] }, // a tag listed twice counts once
  sock: { categoryIds: ['clothing'], tagIds: [] },
  hat: { categoryIds: ['clothing'], tagIds: ['wool'] },
};
const facets = (id: string): ItemFacets | undefined => FACETS[id];
const opts = { now: NOW, halfLifeDays: 10, top: 10 };
const ev = (type: ProfileEvent['type'], ageDays: number, itemId: string, value?: number): ProfileEvent =>
  value === undefined ? { type, ts: NOW - ageDays * DAY, itemId } : { type, ts: NOW - ageDays * DAY, itemId, value };

describe('interestProfile', () => {
  it('decays to exactly half at one half-life; scores are shares of the positive total', () => {
    // purchase 5 * 1/2 on the sock (10 days old = one half-life); view 1 * 1 on the tent (now).
    const p = interestProfile([ev('purchase', 10, 'sock'), ev('view', 0, 'tent')], facets, opts);
    // clothing 2.5, outdoor 1: total 3.5
    expect(p.categories).toEqual([
      { id: 'clothing', weight: 2.5, score: 2.5 / 3.5 },
      { id: 'outdoor', weight: 1, score: 1 / 3.5 },
    ]);
    expect(p.tags).toEqual([{ id: 'camping', weight: 1, score: 1 }]);
  });

  it('two half-lives give a quarter', () => {
    const p = interestProfile([ev('favourite', 20, 'tent')], facets, opts);
    expect(p.categories[0]?.weight).toBeCloseTo(2 * 0.25, 15);
  });

  it('an item in k categories gives each the full weight', () => {
    const p = interestProfile([ev('cart', 0, 'boot')], facets, opts);
    expect(p.categories).toEqual([
      { id: 'outdoor', weight: 3, score: 0.5 }, // tie on score: id ascending
      { id: 'shoes', weight: 3, score: 0.5 },
    ]);
    expect(p.tags).toEqual([{ id: 'leather', weight: 3, score: 1 }]);
  });

  it('a negative sum (bought, then cancelled twice) clamps to 0 and does not shrink the total', () => {
    // clothing: 5 - 4 - 4 = -3 -> 0; outdoor: view 1; wool tag (hat): -3 -> 0.
    const p = interestProfile([ev('purchase', 0, 'hat'), ev('cancel', 0, 'hat'), ev('cancel', 0, 'hat'), ev('view', 0, 'tent')], facets, opts);
    expect(p.categories).toEqual([
      { id: 'outdoor', weight: 1, score: 1 },
      { id: 'clothing', weight: 0, score: 0 },
    ]);
    expect(p.tags).toEqual([
      { id: 'camping', weight: 1, score: 1 },
      { id: 'wool', weight: 0, score: 0 },
    ]);
  });

  it('a low rating weighs negative (value - 2): 1 star alone gives score 0, not NaN', () => {
    const p = interestProfile([ev('rating', 0, 'sock', 1)], facets, opts);
    expect(p.categories).toEqual([{ id: 'clothing', weight: 0, score: 0 }]);
  });

  it('ranks by score desc then id asc, sums to 1 before the cut, and keeps `top` per list', () => {
    const events = [ev('view', 0, 'sock'), ev('view', 0, 'boot'), ev('purchase', 0, 'tent')];
    // outdoor 1 + 5 = 6, shoes 1, clothing 1: total 8
    const all = interestProfile(events, facets, opts);
    expect(all.categories).toEqual([
      { id: 'outdoor', weight: 6, score: 6 / 8 },
      { id: 'clothing', weight: 1, score: 1 / 8 },
      { id: 'shoes', weight: 1, score: 1 / 8 },
    ]);
    expect(all.categories.reduce((s, x) => s + x.score, 0)).toBe(1);
    const top2 = interestProfile(events, facets, { ...opts, top: 2 });
    expect(top2.categories.map((c) => c.id)).toEqual(['outdoor', 'clothing']);
    expect(interestProfile(events, facets, { ...opts, top: 0 })).toEqual({ categories: [], tags: [] });
  });

  it('events after now count with age 0; unknown items are skipped', () => {
    const p = interestProfile([ev('view', -5, 'tent'), ev('purchase', 0, 'ghost')], facets, opts);
    expect(p.categories).toEqual([{ id: 'outdoor', weight: 1, score: 1 }]);
  });

  it('no events, empty lists', () => {
    expect(interestProfile([], facets, opts)).toEqual({ categories: [], tags: [] });
  });

  it('rejects a non-positive half-life, a fractional or negative top, a non-finite now or timestamp', () => {
    expectAppError(() => interestProfile([], facets, { ...opts, halfLifeDays: 0 }));
    expectAppError(() => interestProfile([], facets, { ...opts, top: 1.5 }));
    expectAppError(() => interestProfile([], facets, { ...opts, top: -1 }));
    expectAppError(() => interestProfile([], facets, { ...opts, now: Number.NaN }));
    expectAppError(() => interestProfile([{ type: 'view', ts: Number.NaN, itemId: 'tent' }], facets, opts));
  });
});
