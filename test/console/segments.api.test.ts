import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, closeConsole, openConsole, screenshot, type ConsoleServer, type ConsoleSession } from './browser.ts';

// Buyers in the console shop: u1 (Oslo), u3 (Oslo), u4 (Bergen). u2 (Bergen) and u5 (Oslo) never bought.
describe.skipIf(CHROMIUM === undefined)('console in Chromium: Segments', () => {
  let session: ConsoleSession | undefined;
  let server: ConsoleServer;
  let page: Page;
  let bergen = '';

  beforeAll(async () => {
    session = await openConsole('#/segments', async (graph, server) => {
      const r = await server.gql('mutation { defineSegment(input: {name: "Bergen people", rule: {feature: "location", op: "eq", value: "Bergen"}}) { id size } }');
      expect(r.body.data?.['defineSegment']).toMatchObject({ size: 2 });
      bergen = (r.body.data?.['defineSegment'] as { id: string }).id;
    });
    ({ server, page } = session);
  });
  afterAll(() => closeConsole(session));

  it('lists every segment with the API\'s sizes', async () => {
    const api = await server.gql('{ segments { id size } }');
    const expected = (api.body.data?.['segments'] as { id: string; size: number }[]).map((s) => [`(${s.id})`, String(s.size)]);
    const rows = page.getByTestId('segments').locator('tbody tr');
    await rows.first().waitFor();
    const got = await rows.evaluateAll((trs) => trs.map((tr) => [tr.querySelector('td .muted')?.textContent ?? '', tr.querySelectorAll('td')[2]?.textContent ?? '']));
    expect(got).toEqual(expected);
    expect(got.find((r) => r[0] === `(${bergen})`)).toEqual([`(${bergen})`, '2']);
  });

  it('an analyst defines a rule segment: a misspelt feature gets the API\'s own message, a good rule is saved with its size', async () => {
    await page.getByLabel('Name').fill('Oslo buyers');
    await page.getByLabel('Feature').fill('frequncy');
    await page.getByLabel('Value').fill('1');
    await page.getByRole('button', { name: 'Save segment' }).click();
    const api = await server.gql('mutation { defineSegment(input: {name: "x", rule: {feature: "frequncy", op: "gte", value: 1}}) { id } }');
    const message = api.body.errors?.[0]?.message ?? '';
    expect(message).toContain('frequency');
    await expect.poll(() => page.getByTestId('define-result').textContent()).toBe(`INVALID_INPUT: ${message}`);
    await page.getByLabel('Feature').fill('frequency');
    await page.getByRole('button', { name: 'Add condition' }).click();
    await page.getByLabel('Feature').nth(1).fill('location');
    await page.getByLabel('Operator').nth(1).selectOption('eq');
    await page.getByLabel('Value').nth(1).fill('Oslo');
    expect(JSON.parse((await page.getByTestId('rule-json').textContent()) ?? '')).toEqual(
      { all: [{ feature: 'frequency', op: 'gte', value: 1 }, { feature: 'location', op: 'eq', value: 'Oslo' }] });
    await page.getByRole('button', { name: 'Save segment' }).click();
    await expect.poll(() => page.getByTestId('define-result').textContent()).toMatch(/^Saved [^:]+: 2 members\.$/);
    await expect.poll(() => page.getByTestId('segments').locator('tbody tr', { hasText: 'Oslo buyers' }).locator('td').nth(2).textContent()).toBe('2');
  });

  it('compares two segments\' conversion with intervals', async () => {
    await page.getByLabel('Segment A').selectOption({ label: 'Oslo buyers' });
    await page.getByLabel('Segment B').selectOption({ label: 'Bergen people' });
    await page.getByRole('button', { name: 'Compare' }).click();
    const items = page.getByTestId('comparison').locator('li');
    await items.first().waitFor();
    const texts = await items.allTextContents();
    expect(texts[0]).toMatch(/^Oslo buyers: 100\.0 % \(2 of 2; 95 % /);
    expect(texts[1]).toMatch(/^Bergen people: 50\.0 % \(1 of 2; 95 % /);
    expect(await page.getByText(/^Difference A − B/).textContent()).toBe('Difference A − B: +50.0 pp (the intervals overlap: not a clear difference)');
    await screenshot(page, 'segments');
  });
});
