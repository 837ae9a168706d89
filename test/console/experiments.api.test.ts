import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphConnection } from '../../src/storage/connect.ts';
import { verdictOf } from '../../console/src/lib/verdict.ts';
import { bearer } from '../support/api.ts';
import { openTestGraph } from '../support/graph.ts';
import { CHROMIUM, launchBrowser, screenshot, signIn, startConsoleServer, tokenOf, type ConsoleServer } from './browser.ts';
import { writeConsoleShop } from './console-shop.ts';

interface Results { variants: { variant: string; isControl: boolean; assigned: number; exposed: number; impressions: number; conversions: number;
  conversionLift: { difference: number; sequentialLower: number; sequentialUpper: number; sequentialPValue: number; sequentialSignificant: boolean } | null }[];
  sampleRatio: { mismatch: boolean } | null }

describe.skipIf(CHROMIUM === undefined)('console in Chromium: Experiments and campaigns', () => {
  let graph: GraphConnection;
  let server: ConsoleServer;
  let browser: Browser;
  let results: Results;

  beforeAll(async () => {
    graph = await openTestGraph();
    server = await startConsoleServer(graph);
    await writeConsoleShop(graph, server.gql);
    const { gql } = server;
    const made = await gql(`mutation {
      createExperiment(input: {key: "recs-ab", name: "Popular vs graph", startAt: "2026-01-01T00:00:00Z",
        variants: [{key: "a", weight: 0.5, strategy: POPULAR}, {key: "b", weight: 0.5, strategy: GRAPH}]}) { key }
      createCampaign(input: {name: "Warm feet", offer: {itemIds: ["i2"], discount: 0.1, message: "Socks for winter"}, channel: ONSITE}) { id } }`);
    expect(made.body.errors).toBeUndefined();
    // Every user is served a page under the experiment (by the shop backend: staff pages are previews that
    // assign nobody) and sees it; u1 and u3 buy its first item.
    const shop = bearer('service');
    for (const u of ['u1', 'u2', 'u3', 'u4', 'u5']) {
      const page = await gql(`{ recommendations(userId: "${u}", first: 2) { recommendationId experiment { key } edges { node { item { id } } } } }`, {}, shop);
      const recs = page.body.data?.['recommendations'] as { recommendationId: string; experiment: { key: string } | null; edges: { node: { item: { id: string } } }[] };
      expect(recs.experiment?.key).toBe('recs-ab');
      const items = recs.edges.map((e) => e.node.item.id);
      const shown = await gql('mutation($r: ID!, $i: [ID!]!) { recordImpressions(recommendationId: $r, itemIds: $i) { recorded } }', { r: recs.recommendationId, i: items }, shop);
      expect(shown.body.errors).toBeUndefined();
      if ((u === 'u1' || u === 'u3') && items[0] !== undefined) {
        const bought = await gql('mutation($in: RecordInteractionInput!) { recordInteraction(input: $in) { created } }',
          { in: { eventId: `buy-${u}`, userId: u, itemId: items[0], type: 'PURCHASE', recommendationId: recs.recommendationId } }, shop);
        expect(bought.body.errors).toBeUndefined();
      }
    }
    // Assignments are written in small batches (~200 ms): wait until all five are counted.
    for (let waited = 0; ; waited += 100) {
      const r = await gql(`{ experimentResults(key: "recs-ab") { sampleRatio { mismatch } variants { variant isControl assigned exposed impressions conversions
        conversionLift { difference sequentialLower sequentialUpper sequentialPValue sequentialSignificant } } } }`);
      results = r.body.data?.['experimentResults'] as Results;
      if (results.variants.reduce((s, v) => s + v.assigned, 0) === 5) break;
      if (waited > 10_000) throw new Error('assignments not written within 10 s');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await graph?.close();
  });

  it('an analyst sees each variant\'s reach and conversion, the verdict, and the campaigns, with no stop buttons', async () => {
    const page: Page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const token = tokenOf('analyst');
    await signIn(page, server.url, token, '#/experiments');
    const card = page.getByTestId('results-recs-ab');
    await card.locator('tbody tr').first().waitFor();
    expect(await page.getByTestId('status-recs-ab').textContent()).toBe('RUNNING');
    const rows = await card.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(1, 4).map((td) => td.textContent)));
    expect(rows).toEqual(results.variants.map((v) => [String(v.assigned), String(v.exposed), String(v.impressions)]));
    expect(results.variants.reduce((s, v) => s + v.exposed, 0)).toBe(5);
    expect(results.variants.reduce((s, v) => s + v.conversions, 0)).toBe(2);
    const b = results.variants.find((v) => !v.isControl)!;
    expect(await page.getByTestId('verdict-recs-ab').locator('li').allTextContents())
      .toEqual([verdictOf(b.variant, b.conversionLift, results.sampleRatio?.mismatch === true).text]);
    expect(await page.getByRole('button', { name: /^Stop/ }).count()).toBe(0);
    const campaign = page.getByTestId('campaigns').locator('tbody tr');
    expect(await campaign.locator('td').allTextContents()).toEqual([
      'Warm feet (everyone)', 'RUNNING', 'ONSITE', 'Socks for winter · 10 % off · Wool socks · value 10.00', '5', '0 %', '0', '0',
    ]);
    await screenshot(page, 'experiments');
    // The API refuses the analyst's write even when sent by hand from the page.
    const refused = await page.evaluate(async (t) => {
      const res = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${t}` },
        body: JSON.stringify({ query: 'mutation { stopExperiment(key: "recs-ab") { key } }' }) });
      return ((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code;
    }, token);
    expect(refused).toBe('FORBIDDEN');
    await page.close();
  });

  it('an admin stops the experiment from the console', async () => {
    const page: Page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, server.url, tokenOf('admin'), '#/experiments');
    await page.getByRole('button', { name: 'Stop recs-ab' }).click();
    await expect.poll(() => page.getByTestId('status-recs-ab').textContent()).toBe('STOPPED');
    expect(await page.getByRole('button', { name: 'Stop recs-ab' }).count()).toBe(0);
    await page.close();
  });
});
