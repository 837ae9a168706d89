import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, closeConsole, openConsole, screenshot, type ConsoleServer, type ConsoleSession } from './browser.ts';

// The console shop's sessions (last sessions closed at their last event): 7 sessions, all START -> VIEW;
// VIEW (8 transitions) -> VIEW 1, CART 3, PURCHASE 1, EXIT 3; CART (3) -> PURCHASE 2, EXIT 1; PURCHASE -> EXIT.
// So P(PURCHASE | START) = 3/7 (absorption), and within the Sankey's 5 steps 2.99585/7 = 42.80 %.
describe.skipIf(CHROMIUM === undefined)('console in Chromium: Behaviour', () => {
  let session: ConsoleSession | undefined;
  let server: ConsoleServer;
  let page: Page;

  beforeAll(async () => {
    session = await openConsole('#/behaviour');
    ({ server, page } = session);
  });
  afterAll(() => closeConsole(session));

  it('draws the transition matrix as a heatmap with the API\'s probabilities', async () => {
    const heatmap = page.getByTestId('heatmap');
    await heatmap.locator('svg').waitFor();
    // The SVG renderer writes each non-zero cell's label into the DOM.
    await expect.poll(async () => (await heatmap.locator('text').allTextContents()).filter((t) => /^\d\.\d\d$/.test(t)).sort())
      .toEqual(['0.13', '0.13', '0.33', '0.38', '0.38', '0.67', '1.00', '1.00', '1.00'].sort());
    expect(await page.getByText(/users, .* transitions/).textContent()).toBe(
      '5 users, 21 transitions. P(row → column). Rows without data (blank): FAVOURITE, CANCEL.');
  });

  it('shows the session flow from START to PURCHASE / EXIT with the share that purchases', async () => {
    await page.getByTestId('sankey').locator('svg').waitFor();
    expect(await page.getByText(/sessions unrolled/).textContent()).toBe(
      '7 sessions unrolled 5 steps; flows stop at the first PURCHASE, CANCEL or EXIT (as in absorption). 42.8 % reach PURCHASE within 5 steps.');
    const labels = await page.getByTestId('sankey').locator('text').allTextContents();
    expect(new Set(labels)).toEqual(new Set(['START', 'VIEW', 'CART', 'PURCHASE', 'EXIT', 'later']));
  });

  it('lists absorption probabilities: 3/7 of sessions from START end in PURCHASE', async () => {
    const start = page.getByTestId('absorption').locator('tbody tr', { hasText: 'START' });
    await start.waitFor();
    const head = await page.getByTestId('absorption').locator('thead th').allTextContents();
    const cells = await start.locator('td').allTextContents();
    expect(cells[head.indexOf('P(PURCHASE)') - 1]).toBe('42.9 %');
    expect(cells[head.indexOf('P(EXIT)') - 1]).toBe('57.1 %');
  });

  it('shows the funnel with drop-offs and conversion by gender with intervals', async () => {
    const funnel = page.getByTestId('funnel-table').locator('tbody tr');
    await funnel.first().waitFor();
    expect(await funnel.evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].slice(0, 4).map((c) => c.textContent)))).toEqual([
      ['VIEW', '5', '100.0 %', '0'], ['CART', '3', '60.0 %', '2'], ['PURCHASE', '2', '66.7 %', '1'],
    ]);
    const api = await server.gql('{ conversionRate(action: PURCHASE, breakdown: GENDER) { breakdown { segment interval { low high } } } }');
    const wilson = (api.body.data?.['conversionRate'] as { breakdown: { segment: string; interval: { low: number; high: number } }[] }).breakdown;
    const conv = page.getByTestId('conversion-table').locator('tbody tr');
    await conv.first().waitFor();
    const f = wilson.find((w) => w.segment === 'f')!;
    const m = wilson.find((w) => w.segment === 'm')!;
    const pc = (x: number) => `${(x * 100).toFixed(1)} %`;
    expect(await conv.evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent)))).toEqual([
      ['f', '66.7 %', '2 / 3', `${pc(f.interval.low)} – ${pc(f.interval.high)}`],
      ['m', '50.0 %', '1 / 2', `${pc(m.interval.low)} – ${pc(m.interval.high)}`],
    ]);
    expect(await page.getByText(/^All: /).textContent()).toMatch(/^All: 60\.0 % \(3 of 5; 95 % /);
    await screenshot(page, 'behaviour');
  });

  it('recomputes every card for a window: the second day alone has two one-view sessions', async () => {
    await page.getByLabel('From (UTC day)').fill('2026-01-06');
    await page.getByLabel('To (UTC day)').fill('2026-01-06');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => page.getByText(/users, .* transitions/).textContent()).toBe(
      '2 users, 4 transitions. P(row → column). Rows without data (blank): FAVOURITE, CART, PURCHASE, CANCEL.');
    await expect.poll(() => page.getByText(/sessions unrolled/).textContent()).toMatch(/^2 sessions unrolled 5 steps; .* 0\.0 % reach PURCHASE within 5 steps\.$/);
  });
});
