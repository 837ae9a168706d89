import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphConnection } from '../../src/storage/connect.ts';
import { openTestGraph } from '../support/graph.ts';
import { CHROMIUM, launchBrowser, screenshot, signIn, startConsoleServer, tokenOf, type ConsoleServer } from './browser.ts';
import { writeConsoleShop } from './console-shop.ts';

describe.skipIf(CHROMIUM === undefined)('console in Chromium: sign-in, shell, User 360', () => {
  let graph: GraphConnection;
  let server: ConsoleServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    graph = await openTestGraph();
    server = await startConsoleServer(graph);
    await writeConsoleShop(graph, server.gql);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await graph?.close();
  });

  it('serves the console with content types, immutable hashed assets and a no-cache page', async () => {
    const index = await fetch(`${server.url}/console/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const html = await index.text();
    const js = /src="\/console\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(js).toBeDefined();
    const asset = await fetch(`${server.url}/console/${js}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(`${server.url}/console/assets/nope.js`)).status).toBe(404);
    expect((await fetch(`${server.url}/console/assets/..%2F..%2Fpackage.json`)).status).toBe(404);
    expect((await fetch(`${server.url}/console`, { redirect: 'manual' })).headers.get('location')).toBe('/console/');
  });

  it('refuses a bad token with the API\'s reason and keeps the form', async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.goto(`${server.url}/console/`);
    await page.getByLabel('Token or API key').fill('not-a-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/^UNAUTHENTICATED: /);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    // The sign-in page loads neither charting nor graph library (each view is its own chunk), and nothing off-site.
    expect(requested.filter((u) => /echarts|cytoscape/.test(u))).toEqual([]);
    expect(requested.filter((u) => !u.startsWith(`${server.url}/console/`) && u !== `${server.url}/graphql`)).toEqual([]);
    await screenshot(page, 'login');
    await page.close();
  });

  it('signs an analyst in, says the role, offers the six views and keeps the token in sessionStorage only', async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const token = tokenOf('analyst');
    await signIn(page, server.url, token);
    expect(await page.getByTestId('role').textContent()).toBe('Signed in as analyst (read-only)');
    expect(await page.getByRole('navigation', { name: 'Views' }).getByRole('link').allTextContents())
      .toEqual(['User 360', 'Behaviour', 'Experiments & campaigns', 'Segments', 'Cypher', 'Catalogue']);
    expect(await page.evaluate(() => sessionStorage.getItem('grec.console.token'))).toBe(token);
    expect(await page.evaluate(() => localStorage.length + document.cookie.length)).toBe(0);
  });

  it('a shopper token is told the console is for analysts and admins', async () => {
    const p = await browser.newPage();
    await signIn(p, server.url, tokenOf('shopper', 'u1'));
    expect(await p.getByTestId('role').textContent()).toBe('Signed in as shopper');
    expect(await p.getByRole('heading', { level: 1 }).textContent()).toBe('Nothing to show for the shopper role');
    await p.close();
  });

  it('User 360 shows the profile, the recommendations with their reasons and strategy, and the journey', async () => {
    await page.goto(`${server.url}/console/#/user/u1`);
    await page.getByTestId('recommendations').waitFor().catch(async (e) => { console.log(await page.locator('main').innerText()); throw e; });
    const api = await server.gql(`{ recommendations(userId: "u1", first: 10) { strategy experiment { key }
      edges { node { position item { id } reasons { text } } } } }`);
    const recs = api.body.data?.['recommendations'] as { strategy: string; edges: { node: { position: number; item: { id: string }; reasons: { text: string }[] } }[] };
    expect(recs.edges.length).toBeGreaterThan(0);
    const rows = await page.getByTestId('recommendations').locator('tbody tr').all();
    expect(rows.length).toBe(recs.edges.length);
    for (const [i, row] of rows.entries()) {
      const n = recs.edges[i]!.node;
      expect(await row.locator('td').first().textContent()).toBe(String(n.position));
      expect(await row.locator('td').nth(1).textContent()).toContain(`(${n.item.id}`);
      expect(await row.locator('.reasons li').allTextContents()).toEqual(n.reasons.map((r) => r.text));
    }
    expect(await page.getByTestId('served-by').textContent()).toBe(`Served by ${recs.strategy} (no experiment)`);
    const profile = page.getByRole('region', { name: 'Profile' });
    expect(await profile.locator('dt:text-is("Name") + dd').textContent()).toBe('Ann');
    expect(await profile.locator('dt:text-is("Location") + dd').textContent()).toBe('Oslo');
    expect(await profile.locator('dt:text-is("Friends") + dd').textContent()).toBe('2');
    // Journey: two sessions, newest first, each START ... EXIT as the chain counts it.
    const sessions = await page.getByTestId('journey').locator('li .steps').allTextContents();
    expect(sessions).toEqual(['STARTVIEWEXIT', 'STARTVIEWCARTPURCHASEEXIT']);
  });

  it('the neighbourhood graph shows friends, follows and shared items, and a click on a user expands them', async () => {
    const network = page.getByTestId('network');
    await expect.poll(() => page.getByText(/users expanded/).textContent()).toBe(
      '3 users expanded, 7 nodes. Click a dashed user to expand them; items two or more expanded users touched are shown.');
    const ids = () => network.evaluate((el) => (el as unknown as { cy: { nodes(): { map(f: (n: { id(): string }) => string): string[] } } }).cy.nodes().map((n) => n.id()).sort());
    expect(await ids()).toEqual(['item:i1', 'item:i3', 'user:u1', 'user:u2', 'user:u3', 'user:u4', 'user:u5']);
    // A real click where Cytoscape drew Dan (u4).
    await network.scrollIntoViewIfNeeded();
    const box = (await network.boundingBox())!;
    const pos = await network.evaluate((el) => (el as unknown as { cy: { getElementById(id: string): { renderedPosition(): { x: number; y: number } } } }).cy.getElementById('user:u4').renderedPosition());
    await page.mouse.click(box.x + pos.x, box.y + pos.y);
    await expect.poll(ids).toEqual(['item:i1', 'item:i2', 'item:i3', 'user:u1', 'user:u2', 'user:u3', 'user:u4', 'user:u5']);
    await expect.poll(() => page.getByText(/users expanded/).textContent()).toContain('4 users expanded, 8 nodes.');
    await screenshot(page, 'user-360');
  });

  it('is usable at phone width: the navigation becomes a row and nothing overflows the page', async () => {
    const p = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await signIn(p, server.url, tokenOf('analyst'), '#/user/u1');
    await p.getByTestId('recommendations').waitFor();
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    // Keyboard: the skip link is the first tab stop and moves focus to the content.
    await p.keyboard.press('Tab');
    expect(await p.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await screenshot(p, 'user-360-phone');
    await p.close();
  });
});
