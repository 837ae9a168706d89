import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphConnection } from '../../src/storage/connect.ts';
import { CHROMIUM, closeConsole, openConsole, screenshot, type ConsoleServer, type ConsoleSession } from './browser.ts';

describe.skipIf(CHROMIUM === undefined)('console in Chromium: Cypher', () => {
  let session: ConsoleSession | undefined;
  let graph: GraphConnection;
  let server: ConsoleServer;
  let page: Page;

  beforeAll(async () => {
    session = await openConsole('#/cypher');
    ({ graph, server, page } = session);
  });
  afterAll(() => closeConsole(session));

  it('runs a library file with its :param lines as a form', async () => {
    await page.getByLabel('File of the cypher/ library').selectOption('analytics/journey');
    expect(await page.getByTestId('cy-description').textContent()).toMatch(/^One user's state path/);
    expect(await page.getByLabel('$userId').inputValue()).toBe("'u1'");
    expect(await page.getByLabel('$gapMs').inputValue()).toBe('1800000');
    await page.getByLabel('$userId').fill("'u3'");
    await page.getByRole('button', { name: 'Run' }).click();
    const cells = page.getByTestId('cy-table').locator('tbody tr td');
    await cells.first().waitFor();
    expect(await page.getByTestId('cy-table').locator('thead th').allTextContents()).toEqual(['userId', 'events']);
    expect(await cells.first().textContent()).toBe('u3');
    const events = JSON.parse((await cells.nth(1).textContent()) ?? '') as { type: string; itemId: string }[];
    expect(events.map((e) => [e.type, e.itemId])).toEqual([['view', 'i3'], ['purchase', 'i3']]);
  });

  it('runs an ad-hoc query and shows nodes and relationships as a table and a graph', async () => {
    await page.getByLabel('File of the cypher/ library').selectOption('');
    await page.getByLabel('Query').fill("MATCH (u:User {id: 'u1'})-[f:FRIEND]-(v:User) RETURN u, f, v ORDER BY v.id");
    await page.getByRole('button', { name: 'Run' }).click();
    await expect.poll(() => page.getByTestId('cy-summary').textContent()).toMatch(/^2 rows in [\d.]+ ms\.$/);
    const rows = await page.getByTestId('cy-table').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(rows).toEqual([['(:User Ann)', '[:FRIEND]', '(:User Bob)'], ['(:User Ann)', '[:FRIEND]', '(:User Cat)']]);
    const network = page.getByTestId('network');
    await network.waitFor();
    const counts = await network.evaluate((el) => {
      const cy = (el as unknown as { cy: { nodes(): { length: number; map(f: (n: { data(k: string): string }) => string): string[] }; edges(): { length: number } } }).cy;
      return { nodes: cy.nodes().map((n) => n.data('label')).sort(), edges: cy.edges().length };
    });
    expect(counts).toEqual({ nodes: ['Ann', 'Bob', 'Cat'], edges: 2 });
    await screenshot(page, 'cypher');
  });

  it('refuses a write with FORBIDDEN and changes nothing', async () => {
    await page.getByLabel('Query').fill('CREATE (n:Hack) RETURN n');
    await page.getByRole('button', { name: 'Run' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/^FORBIDDEN writes are refused: the console runs read-only queries/);
    expect(await graph.executor.read('MATCH (n:Hack) RETURN count(n) AS n')).toEqual([{ n: 0 }]);
  });
});
