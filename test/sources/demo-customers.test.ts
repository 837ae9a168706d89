import { describe, expect, it } from 'vitest';
import type { InteractionEvent } from '../../src/domain/events.ts';
import { asUserId } from '../../src/domain/ids.ts';
import { CUSTOMER_CHAINS } from '../../src/sources/demo/customer-chains.ts';
import { CUSTOMER_MIX, CUSTOMER_PROFILES, CUSTOMER_TYPES, type CustomerType } from '../../src/sources/demo/customer-types.ts';
import { DAY_OF_WEEK_FACTOR } from '../../src/sources/demo/calendar.ts';
import { createDemoSource, demoPreset } from '../../src/sources/demo/demo-source.ts';
import { demoTruth } from '../../src/sources/demo/demo-truth.ts';
import { collect, ofKind } from './collect.ts';
import { sessionsOf } from './demo-sessions.ts';

const WEEK_MS = 7 * 86_400_000;
const options = demoPreset('small');

describe('demo shop: planted customer types (small preset)', async () => {
  const truth = demoTruth(options);
  const { rows } = await collect(createDemoSource(options));
  const events = ofKind(rows, 'event').map((r) => r.event);
  const price = new Map(ofKind(rows, 'item').map((r) => [r.item.id as string, r.item.price ?? 0]));
  const byType = new Map<CustomerType, InteractionEvent[]>(CUSTOMER_TYPES.map((t) => [t, []]));
  for (const e of events) byType.get(truth.customerType(e.userId))?.push(e);
  const of = (t: CustomerType): InteractionEvent[] => byType.get(t) ?? [];
  const users = (t: CustomerType): number => Array.from({ length: options.users }, (_, u) => truth.customerType(u)).filter((x) => x === t).length;
  const purchases = (t: CustomerType) => of(t).filter((e) => e.type === 'purchase');

  it('draws every type, in about the planted mix (each within 4 binomial standard errors of 500 users)', () => {
    for (const t of CUSTOMER_TYPES) {
      const p = CUSTOMER_MIX[t];
      expect(Math.abs(users(t) / options.users - p), t).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / options.users));
    }
    expect(truth.customerType(asUserId('u1'))).toBe(truth.customerType(0));
    expect(() => truth.customerType(asUserId('u501'))).toThrow('No demo user u501');
  });

  it('churners have events before their churn date and none at or after it; the others have none after the period', () => {
    const late = events.filter((e) => {
      const churn = truth.churnTs(e.userId);
      return e.ts >= (churn ?? truth.periodEnd);
    });
    expect(late).toEqual([]);
    const churners = Array.from({ length: options.users }, (_, u) => u).filter((u) => truth.customerType(u) === 'churner');
    for (const u of churners) {
      const churn = truth.churnTs(u) ?? 0;
      expect(churn).toBeGreaterThan(truth.periodStart);
      expect(churn).toBeLessThan(truth.periodEnd);
    }
    expect(truth.churnTs(churners[0] ?? 0)).not.toBeNull();
    expect(truth.churnTs(Array.from({ length: options.users }, (_, u) => u).find((u) => truth.customerType(u) === 'loyal') ?? 0)).toBeNull();
  });

  it('shows recency: every loyal user is active in the last 4 weeks, no churner is', () => {
    const recent = (t: CustomerType): Set<string> => new Set(of(t).filter((e) => e.ts >= truth.periodEnd - 4 * WEEK_MS).map((e) => e.userId));
    expect(recent('loyal').size).toBe(users('loyal'));
    expect(recent('churner').size).toBe(0);
  });

  it('loyal users buy again and again: purchases in >= 3 distinct weeks each, >= 8 for the median loyal user', () => {
    const weeks = new Map<string, Set<number>>();
    for (const e of purchases('loyal')) {
      const set = weeks.get(e.userId) ?? new Set<number>();
      set.add(Math.floor((e.ts - truth.periodStart) / WEEK_MS));
      weeks.set(e.userId, set);
    }
    const counts = [...weeks.values()].map((s) => s.size).sort((a, b) => a - b);
    expect(counts.length).toBe(users('loyal'));
    expect(counts[0]).toBeGreaterThanOrEqual(3);
    expect(counts[counts.length >> 1]).toBeGreaterThanOrEqual(8);
  });

  it('bargain hunters buy cheap: their mean purchase price is below the shop median price, their orders the smallest', () => {
    const prices = [...price.values()].sort((a, b) => a - b);
    const median = prices[prices.length >> 1] ?? 0;
    const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
    const bargain = purchases('bargain');
    expect(bargain.length).toBeGreaterThan(50);
    expect(mean(bargain.map((e) => price.get(e.itemId) ?? Infinity))).toBeLessThan(median);
    const orderValue = (t: CustomerType): number => mean(purchases(t).map((e) => e.value ?? 0));
    for (const t of ['loyal', 'churner', 'casual'] as const) expect(orderValue('bargain'), t).toBeLessThan(orderValue(t) / 2);
  });

  it('every purchase carries value = price x quantity (quantity within the type\'s range); no other event has a value', () => {
    const bad = events.filter((e) => {
      if (e.type !== 'purchase') return e.value !== undefined;
      const p = price.get(e.itemId) ?? 0;
      const quantity = Math.round((e.value ?? 0) / p);
      const max = CUSTOMER_PROFILES[truth.customerType(e.userId)].maxQuantity;
      return !((e.value ?? 0) > 0) || quantity < 1 || quantity > max || Math.abs((e.value ?? 0) - p * quantity) > 0.005 + 1e-9;
    });
    expect(bad).toEqual([]);
    expect(new Set(purchases('loyal').map((e) => Math.round((e.value ?? 0) / (price.get(e.itemId) ?? 1))))).toEqual(new Set([1, 2, 3]));
  });

  it("each type's sessions follow its own chain: view -> cart and cart -> purchase within 4.5 standard errors", () => {
    for (const t of CUSTOMER_TYPES) {
      const next = new Map<string, Map<string, number>>();
      for (const s of sessionsOf(of(t))) {
        s.slice(1).forEach((e, i) => {
          const from = s[i]?.type ?? 'view';
          const row = next.get(from) ?? new Map<string, number>();
          row.set(e.type, (row.get(e.type) ?? 0) + 1);
          next.set(from, row);
        });
        const last = s[s.length - 1]?.type ?? 'view';
        const row = next.get(last) ?? new Map<string, number>();
        row.set('END', (row.get('END') ?? 0) + 1);
        next.set(last, row);
      }
      for (const [from, to] of [['view', 'cart'], ['cart', 'purchase']] as const) {
        const row = next.get(from) ?? new Map<string, number>();
        const n = [...row.values()].reduce((a, b) => a + b, 0);
        const p = CUSTOMER_CHAINS[t][from][to];
        expect(Math.abs((row.get(to) ?? 0) / n - p), `${t}: ${from} -> ${to} (${n})`).toBeLessThan(4.5 * Math.sqrt((p * (1 - p)) / n));
      }
    }
    // The planted contrast a segmentation sees: loyal shoppers buy most carts, bargain hunters abandon most.
    expect(CUSTOMER_CHAINS.loyal.cart.purchase).toBeGreaterThan(3 * CUSTOMER_CHAINS.bargain.cart.purchase);
  });

  it('differs by type in sessions per user, spend per user and weekend share', () => {
    const perUser = (t: CustomerType, n: number): number => n / users(t);
    const sessions = (t: CustomerType): number => perUser(t, sessionsOf(of(t)).length);
    const spend = (t: CustomerType): number => perUser(t, purchases(t).reduce((s, e) => s + (e.value ?? 0), 0));
    expect(sessions('loyal')).toBeGreaterThan(2 * sessions('casual'));
    expect(sessions('bargain')).toBeGreaterThan(1.5 * sessions('casual'));
    expect(spend('loyal')).toBeGreaterThan(3 * Math.max(spend('bargain'), spend('churner'), spend('casual')));
    // Bargain hunters' weekend share of sessions: the weekend's part of 16 weeks of their day weights (Saturday
    // and Sunday boosted), within 4 binomial standard errors (session days are independent draws).
    const weekend = (s: readonly number[]): number => ((s[5] ?? 0) + (s[6] ?? 0)) / s.reduce((a, b) => a + b, 0);
    const boost = CUSTOMER_PROFILES.bargain.weekendBoost;
    const planted = weekend(DAY_OF_WEEK_FACTOR.map((f, w) => f * (w >= 5 ? boost : 1)));
    const starts = sessionsOf(of('bargain')).map((s) => new Date(s[0]?.ts ?? 0).getUTCDay());
    const observed = starts.filter((d) => d === 0 || d === 6).length / starts.length;
    expect(planted).toBeGreaterThan(0.65);
    expect(Math.abs(observed - planted)).toBeLessThan(4 * Math.sqrt((planted * (1 - planted)) / starts.length));
    const loyalStarts = sessionsOf(of('loyal')).map((s) => new Date(s[0]?.ts ?? 0).getUTCDay());
    expect(loyalStarts.filter((d) => d === 0 || d === 6).length / loyalStarts.length).toBeLessThan(0.4);
  });

  it('is computed from the seed alone: the same truth twice, another seed another one', () => {
    const again = demoTruth(options);
    expect(again.sessions).toEqual(truth.sessions);
    expect(again.chain).toEqual(truth.chain);
    const types = (s: number): CustomerType[] => {
      const t = demoTruth(demoPreset('small', { seed: s }));
      return Array.from({ length: options.users }, (_, u) => t.customerType(u));
    };
    expect(types(42)).toEqual(Array.from({ length: options.users }, (_, u) => truth.customerType(u)));
    expect(types(7)).not.toEqual(types(42));
    // The run's sessions are exactly the truth's: it replays the generator's session walk.
    const counted = Object.fromEntries(CUSTOMER_TYPES.map((t) => [t, sessionsOf(of(t)).length]));
    expect(counted).toEqual(truth.sessions);
  });
});
