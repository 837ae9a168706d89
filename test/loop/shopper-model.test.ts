import { describe, expect, it } from 'vitest';
import { PlantedShoppers } from '../../src/simulate/shopper-model.ts';
import { resolveDemoOptions } from '../../src/sources/demo/demo-options.ts';
import { buildPopulation } from '../../src/sources/demo/population.ts';
import { Rng } from '../../src/sources/demo/prng.ts';
import { DEMO_PRESETS } from '../../src/sources/demo/demo-options.ts';

const demo = DEMO_PRESETS.tiny;
const population = buildPopulation(resolveDemoOptions(demo));
const preferredOfU1 = [...(population.preferred[population.community[0] ?? 0] ?? [])].map((c) => `c${c + 1}`);
const otherCategory = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'].find((c) => !preferredOfU1.includes(c))!;

describe('planted shoppers', () => {
  const shoppers = new PlantedShoppers(demo, { relevantClick: 0.4, otherClick: 0.1, buyGivenClick: 0.5 });

  it('clicks preferred categories more, discounted by log2(position + 1)', () => {
    const relevant = { itemId: 'i1', categoryIds: [preferredOfU1[0]!] };
    const other = { itemId: 'i2', categoryIds: [otherCategory] };
    expect(shoppers.clickProbability('u1', relevant, 1)).toBeCloseTo(0.4, 12);
    expect(shoppers.clickProbability('u1', relevant, 3)).toBeCloseTo(0.4 / 2, 12);
    expect(shoppers.clickProbability('u1', other, 1)).toBeCloseTo(0.1, 12);
    expect(shoppers.clickProbability('u1', other, 7)).toBeCloseTo(0.1 / 3, 12);
  });

  it('converts a page with 1 - prod(1 - click x buy)', () => {
    const page = [{ itemId: 'i1', categoryIds: [preferredOfU1[0]!] }, { itemId: 'i2', categoryIds: [otherCategory] }];
    const expected = 1 - (1 - 0.4 * 0.5) * (1 - (0.1 / Math.log2(3)) * 0.5);
    expect(shoppers.conversionProbability('u1', page)).toBeCloseTo(expected, 12);
    expect(shoppers.conversionProbability('u1', [])).toBe(0);
  });

  it('reacts with those probabilities (frequency over many draws)', () => {
    const page = [{ itemId: 'i1', categoryIds: [preferredOfU1[0]!] }, { itemId: 'i2', categoryIds: [otherCategory] }];
    const rng = new Rng(7);
    const n = 40_000;
    let converted = 0;
    let clicksAt1 = 0;
    for (let k = 0; k < n; k++) {
      const r = shoppers.react('u1', page, rng);
      if (r.bought.length > 0) converted++;
      if (r.clicked.includes(1)) clicksAt1++;
      expect(r.bought.every((p) => r.clicked.includes(p))).toBe(true);
    }
    const p = shoppers.conversionProbability('u1', page);
    // 4.5 standard errors: fails by chance about once in 150,000 runs.
    expect(Math.abs(converted / n - p)).toBeLessThan(4.5 * Math.sqrt((p * (1 - p)) / n));
    expect(Math.abs(clicksAt1 / n - 0.4)).toBeLessThan(4.5 * Math.sqrt((0.4 * 0.6) / n));
  });

  it('refuses users the demo does not have', () => {
    expect(() => shoppers.clickProbability('nobody', { itemId: 'i1', categoryIds: [] }, 1)).toThrow(/no planted shopper/);
  });
});
