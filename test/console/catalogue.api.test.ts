import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, closeConsole, openConsole, screenshot, type ConsoleServer, type ConsoleSession } from './browser.ts';

describe.skipIf(CHROMIUM === undefined)('console in Chromium: Catalogue', () => {
  let session: ConsoleSession | undefined;
  let server: ConsoleServer;
  let page: Page;

  beforeAll(async () => {
    session = await openConsole('#/catalogue/i2');
    ({ server, page } = session);
  });
  afterAll(() => closeConsole(session));

  it('lists hot items by views as the API ranks them, with their evidence', async () => {
    await page.getByLabel('Demand signal').selectOption('VIEW');
    const api = await server.gql('{ hotItems(eventType: VIEW, window: {recentDays: 7, baselineDays: 28}, first: 10) { item { id } recentCount baselineCount } }');
    const hot = api.body.data?.['hotItems'] as { item: { id: string }; recentCount: number; baselineCount: number }[];
    expect(hot.length).toBeGreaterThan(0);
    const rows = page.getByTestId('hot-items').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(hot.length);
    await expect.poll(() => rows.evaluateAll((trs) => trs.map((tr) => {
      const td = tr.querySelectorAll('td');
      return [td[0]?.querySelector('.muted')?.textContent, td[2]?.textContent, td[4]?.textContent];
    }))).toEqual(hot.map((h) => [`(${h.item.id})`, String(h.recentCount), String(h.baselineCount)]));
  });

  it('shows an item\'s similar items with reasons and its demand forecast with the method named', async () => {
    const api = await server.gql(`{ similarItems(itemId: "i2", first: 8) { item { title } reasons { text } }
      demandForecast(itemId: "i2", horizonDays: 14, historyDays: 56, eventType: VIEW) { method } }`);
    const similar = api.body.data?.['similarItems'] as { item: { title: string }; reasons: { text: string }[] }[];
    const method = (api.body.data?.['demandForecast'] as { method: string }).method;
    expect(similar.length).toBeGreaterThan(0);
    const items = page.getByTestId('similar-items').locator(':scope > li');
    await expect.poll(() => items.count()).toBe(similar.length);
    for (const [i, s] of similar.entries()) {
      expect(await items.nth(i).locator('a').textContent()).toBe(s.item.title);
      expect(await items.nth(i).locator('.reasons li').allTextContents()).toEqual(s.reasons.map((r) => r.text));
    }
    await expect.poll(() => page.getByTestId('forecast-method').textContent()).toBe(`${method}, 95 % prediction interval, daily view events.`);
    await page.getByTestId('forecast').locator('svg').waitFor();
    await screenshot(page, 'catalogue');
  });
});
