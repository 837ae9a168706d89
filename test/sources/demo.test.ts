import { describe, expect, it } from 'vitest';
import type { Item } from '../../src/domain/entities.ts';
import { createDemoSource, demoPreset } from '../../src/sources/demo/demo-source.ts';
import { resolveDemoOptions } from '../../src/sources/demo/demo-options.ts';
import { CHAIN_STATES, type ChainFrom, type ChainTo, PLANTED_CHAIN } from '../../src/sources/demo/planted-chain.ts';
import { buildPopulation } from '../../src/sources/demo/population.ts';
import { DEMO_SESSION_GAP_MS } from '../../src/sources/demo/sessions.ts';
import { demoTruth } from '../../src/sources/demo/demo-truth.ts';
import { CUSTOMER_CHAINS } from '../../src/sources/demo/customer-chains.ts';
import { collect, ofKind } from './collect.ts';
import { sessionsOf } from './demo-sessions.ts';

describe('demo source: tiny preset', async () => {
  const { rows, counts } = await collect(createDemoSource(demoPreset('tiny')));
  const events = ofKind(rows, 'event').map((r) => r.event);
  const items = ofKind(rows, 'item').map((r) => r.item);

  it('has the exact, reproducible size', () => {
    expect(counts).toEqual({ category: 6, tag: 24, item: 120, user: 50, social: 123, event: 1003 });
    expect(createDemoSource(demoPreset('tiny')).estimatedRows).toBe(6 + 24 + 120 + 50 + 200 + 1000);
  });

  it('yields identical rows for the same seed and different rows for another seed', async () => {
    expect((await collect(createDemoSource(demoPreset('tiny')))).rows).toEqual(rows);
    const other = await collect(createDemoSource(demoPreset('tiny', { seed: 7 })));
    expect(other.rows).not.toEqual(rows);
  });

  it('hands out the same rows in batches', async () => {
    const flat: unknown[] = [];
    for await (const batch of createDemoSource(demoPreset('tiny')).batches()) flat.push(...batch);
    expect(flat).toEqual(rows);
  });

  it('numbers ids from 1 with the documented prefixes', () => {
    expect(ofKind(rows, 'category').map((r) => r.category)).toEqual([
      { id: 'c1', name: 'Books' }, { id: 'c2', name: 'Music' }, { id: 'c3', name: 'Films' },
      { id: 'c4', name: 'Games' }, { id: 'c5', name: 'Phones' }, { id: 'c6', name: 'Laptops' },
    ]);
    expect(ofKind(rows, 'user').map((r) => r.user.id)).toEqual(Array.from({ length: 50 }, (_, i) => `u${i + 1}`));
    expect(items.map((i) => i.id)).toEqual(Array.from({ length: 120 }, (_, i) => `i${i + 1}`));
    expect(events.map((e) => e.id)).toEqual(Array.from({ length: 1003 }, (_, i) => `demo-e${i + 1}`));
  });

  it('gives every item a positive price, one category, 1-3 distinct tags and a brand', () => {
    const bad = items.filter(
      (i: Item) =>
        !((i.price ?? 0) > 0) ||
        i.categoryIds?.length !== 1 ||
        (i.tagIds?.length ?? 0) < 1 ||
        (i.tagIds?.length ?? 0) > 3 ||
        new Set(i.tagIds).size !== i.tagIds?.length ||
        i.attributes?.['brand'] === undefined,
    );
    expect(bad).toEqual([]);
  });

  it('emits each friendship once, from the lower user number, never a self-loop', () => {
    const edges = ofKind(rows, 'social').map((r) => r.edge);
    const num = (id: string): number => Number(id.slice(1));
    expect(edges.filter((e) => e.kind !== 'FRIEND' || num(e.from) >= num(e.to))).toEqual([]);
    expect(new Set(edges.map((e) => `${e.from}-${e.to}`)).size).toBe(edges.length);
  });

  it('keeps time increasing per user, steps under 15 min inside sessions and gaps over 30 min between', () => {
    const steps = events.slice(1).flatMap((e, i) => {
      const prev = events[i];
      return prev !== undefined && prev.userId === e.userId ? [e.ts - prev.ts] : [];
    });
    expect(steps.filter((d) => d <= 0 || (d > 15 * 60_000 && d <= DEMO_SESSION_GAP_MS))).toEqual([]);
  });

  it('follows one item through the funnel: only a view changes the item in focus', () => {
    const switches = sessionsOf(events).flatMap((s) =>
      s.slice(1).filter((e, i) => e.type !== 'view' && e.itemId !== s[i]?.itemId),
    );
    expect(switches).toEqual([]);
  });
});

describe('demo source: planted structure', () => {
  it('has chain rows that are probability distributions, for every customer type', () => {
    for (const chain of [PLANTED_CHAIN, ...Object.values(CUSTOMER_CHAINS)]) {
      for (const from of ['START', ...CHAIN_STATES] as const) {
        const sum = Object.values(chain[from]).reduce((a, b) => a + b, 0);
        expect(sum).toBeCloseTo(1, 12);
      }
      expect(chain.START.END).toBe(0);
    }
  });

  it('recovers the planted chain (the mixture of the customer types\' chains) from sessionised events within 0.01', async () => {
    const options = { seed: 3, users: 2_000, items: 3_000, categories: 20, eventsTarget: 300_000 };
    const planted = demoTruth(options).chain;
    const events = ofKind((await collect(createDemoSource(options))).rows, 'event').map((r) => r.event);
    const counts = new Map<ChainFrom, Map<ChainTo, number>>();
    const bump = (from: ChainFrom, to: ChainTo): void => {
      const row = counts.get(from) ?? new Map<ChainTo, number>();
      row.set(to, (row.get(to) ?? 0) + 1);
      counts.set(from, row);
    };
    for (const session of sessionsOf(events)) {
      let from: ChainFrom = 'START';
      for (const e of session) {
        const to = e.type as ChainTo;
        bump(from, to);
        from = to as ChainFrom;
      }
      bump(from, 'END');
    }
    let worst = 0;
    for (const from of ['START', ...CHAIN_STATES] as const) {
      const row = counts.get(from) ?? new Map<ChainTo, number>();
      const total = [...row.values()].reduce((a, b) => a + b, 0);
      for (const to of [...CHAIN_STATES, 'END'] as const) {
        worst = Math.max(worst, Math.abs((row.get(to) ?? 0) / total - planted[from][to]));
      }
    }
    expect(events.length).toBeGreaterThanOrEqual(300_000);
    expect(events.length).toBeLessThan(300_020);
    expect(worst).toBeLessThan(0.01);
  });

  it('plants communities: most friendships and most browsing stay inside them', async () => {
    const options = demoPreset('small');
    const population = buildPopulation(resolveDemoOptions(options));
    const { rows } = await collect(createDemoSource(options));
    const userIndex = (id: string): number => Number(id.slice(1)) - 1;
    const communityOf = (id: string): number => population.community[userIndex(id)] ?? -1;
    const edges = ofKind(rows, 'social').map((r) => r.edge);
    const inside = edges.filter((e) => communityOf(e.from) === communityOf(e.to)).length;
    expect(inside / edges.length).toBeGreaterThan(0.8);

    const categoryOf = new Map(ofKind(rows, 'item').map((r) => [r.item.id as string, r.item.categoryIds?.[0] ?? '']));
    const views = ofKind(rows, 'event').filter((r) => r.event.type === 'view');
    const preferredViews = views.filter((r) => {
      const preferred = population.preferred[communityOf(r.event.userId)] ?? new Uint32Array();
      return [...preferred].some((c) => `c${c + 1}` === categoryOf.get(r.event.itemId));
    }).length;
    // 0.75 loyalty + 0.25 * 3/20 by chance = 0.7875 expected.
    expect(preferredViews / views.length).toBeGreaterThan(0.76);
    expect(preferredViews / views.length).toBeLessThan(0.81);
  });

  it('rejects invalid options at construction with INVALID_INPUT', () => {
    expect(() => createDemoSource({ seed: 1, users: 1, items: 10, categories: 2, eventsTarget: 10 })).toThrow(
      'Invalid demo options: users: Too small: expected number to be >=2',
    );
    expect(() => createDemoSource({ seed: 1, users: 10, items: 2, categories: 5, eventsTarget: 10 })).toThrow(
      'Invalid demo options: options: items must be at least categories (every category holds an item)',
    );
  });
});

// Generation speed is a benchmark figure (bench/ingest.ts reports it), not a unit-test assertion.
describe('demo source: scale', () => {
  it('streams the first rows of the large preset without generating the rest', async () => {
    let seen = 0;
    for await (const _ of createDemoSource(demoPreset('large')).rows()) if (++seen === 10_000) break;
    expect(seen).toBe(10_000);
  });

  it('batches() yields exactly the rows of rows(), in order', async () => {
    const options = { seed: 5, users: 300, items: 400, categories: 8, eventsTarget: 20_000 };
    const flat: unknown[] = [];
    for await (const batch of createDemoSource(options).batches()) flat.push(...batch);
    const rows: unknown[] = [];
    for await (const row of createDemoSource(options).rows()) rows.push(row);
    expect(flat.length).toBe(rows.length);
    expect(flat).toEqual(rows);
  });
});
