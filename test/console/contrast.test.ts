import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/config.ts';
import { contrastRatio, cssColours } from '../../console/src/lib/contrast.ts';

const css = readFileSync(join(PROJECT_ROOT, 'console', 'src', 'styles.css'), 'utf8');

describe('contrast of the console\'s palette (WCAG AA, 4.5:1 for text)', () => {
  it('computes the published reference ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBe(21);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('every text colour on every background it is used on reaches 4.5:1', () => {
    const c = cssColours(css);
    const pairs: [string, string, string][] = [
      ['ink on page', c['ink']!, c['bg']!], ['ink on card', c['ink']!, c['card']!], ['muted on card', c['muted']!, c['card']!],
      ['muted on page', c['muted']!, c['bg']!], ['links on card', c['accent']!, c['card']!], ['button text', c['accent-ink']!, c['accent']!],
      ['errors', c['bad']!, c['card']!], ['good news', c['good']!, c['card']!], ['warnings', c['warn-ink']!, c['warn-bg']!],
      // Fixed colours in the stylesheet: top bar, current nav item, table heads, badges, journey states.
      ['top bar', '#ffffff', '#14213d'], ['current view', c['ink']!, '#e4edf8'], ['table head', c['ink']!, '#eef1f5'],
      ['badge', '#0a3f78', '#e4edf8'], ['purchase state', '#14532d', '#d3f0db'], ['cart state', '#6b4700', '#ffe9c7'], ['exit state', '#7a1014', '#f3d5d6'],
    ];
    const low = pairs.map(([what, fg, bg]) => [what, Math.round(contrastRatio(fg, bg) * 100) / 100] as const).filter(([, r]) => r < 4.5);
    expect(low).toEqual([]);
  });
});
