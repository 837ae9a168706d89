import { describe, expect, it } from 'vitest';
import { buildTrends } from '../../src/sources/demo/calendar.ts';
import { buildCatalog } from '../../src/sources/demo/catalog.ts';
import { CategoryPicker } from '../../src/sources/demo/category-picker.ts';
import { demoPreset } from '../../src/sources/demo/demo-source.ts';
import { resolveDemoOptions } from '../../src/sources/demo/demo-options.ts';
import { buildPopulation } from '../../src/sources/demo/population.ts';
import { rngFor } from '../../src/sources/demo/prng.ts';

describe('demo category picker', () => {
  const o = resolveDemoOptions(demoPreset('small'));
  const catalog = buildCatalog(o);
  const population = buildPopulation(o);
  const picker = new CategoryPicker(o, catalog, population, buildTrends(o));

  it('samples exactly the distribution it reports (each category within 4.5 binomial standard errors of 100,000 picks)', () => {
    for (const [group, community, day] of [[0, 0, 0], [1, 3, 111], [0, 7, 50]] as const) {
      const p = picker.probabilities(group, community, day);
      expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      const n = 100_000;
      const counts = new Float64Array(o.categories);
      const rng = rngFor(1, 99, community);
      for (let i = 0; i < n; i++) {
        const c = picker.pick(group, community, day, rng);
        counts[c] = (counts[c] ?? 0) + 1;
      }
      counts.forEach((k, c) => {
        const q = p[c] ?? 0;
        expect(Math.abs(k / n - q), `group ${group}, community ${community}, day ${day}, category ${c}`).toBeLessThanOrEqual(4.5 * Math.sqrt((q * (1 - q)) / n) + 1e-12);
      });
    }
  });

  it('keeps the community signal and tilts bargain hunters towards cheap categories', () => {
    const preferred = [...(population.preferred[0] ?? [])];
    const share = (group: 0 | 1): number => preferred.reduce((s, c) => s + (picker.probabilities(group, 0, 0)[c] ?? 0), 0);
    expect(share(0)).toBeGreaterThan(o.categoryLoyalty);
    expect(share(1)).toBeGreaterThan(o.categoryLoyalty);
    const meanBase = (group: 0 | 1): number => picker.probabilities(group, 0, 0).reduce((s, q, c) => s + q * (catalog.basePrice[c] ?? 0), 0);
    expect(meanBase(1)).toBeLessThan(meanBase(0) / 2);
  });
});
