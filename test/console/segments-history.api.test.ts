import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProfileStore } from '../../src/storage/profile-store.ts';
import { SegmentStore } from '../../src/storage/segment-store.ts';
import { DEFAULT_PROFILES_OPTIONS } from '../../src/usecases/customers/profiles-job.ts';
import { refreshCustomers } from '../../src/usecases/customers/refresh-customers.ts';
import { SegmentService } from '../../src/usecases/customers/segment-service.ts';
import { CHROMIUM, closeConsole, openConsole, screenshot, type ConsoleServer, type ConsoleSession } from './browser.ts';

// Segments "size over time" on the console shop: Bergen people (u2, u4) is defined, then Fay moves in
// (u6, Bergen) and the profiles run again: the series reads 2 then 3, and every RFM segment has two points.
describe.skipIf(CHROMIUM === undefined)('console in Chromium: Segments, size over time', () => {
  let session: ConsoleSession | undefined;
  let server: ConsoleServer;
  let page: Page;

  beforeAll(async () => {
    session = await openConsole('#/segments', async (graph, server) => {
      const r = await server.gql('mutation { defineSegment(input: {name: "Bergen people", rule: {feature: "location", op: "eq", value: "Bergen"}}) { id size } }');
      expect(r.body.data?.['defineSegment']).toEqual({ id: 'bergen-people', size: 2 });
      const fay = await server.gql('mutation { upsertUser(input: {id: "u6", name: "Fay", location: "Bergen"}) { id } }');
      expect(fay.body.errors).toBeUndefined();
      const store = new ProfileStore(graph.executor); // refresh 2: RFM and rule segments again
      await refreshCustomers(store, new SegmentService(new SegmentStore(graph.executor), store, () => Date.now()), { ...DEFAULT_PROFILES_OPTIONS, now: () => Date.now() });
    });
    ({ server, page } = session);
  });
  afterAll(() => closeConsole(session));

  it('draws each segment\'s size at every refresh, as the API has it: Bergen people 2 then 3', async () => {
    const api = await server.gql('{ segments { id sizeHistory { at size } } }');
    const segments = api.body.data?.['segments'] as { id: string; sizeHistory: { at: string; size: number }[] }[];
    expect(segments.find((s) => s.id === 'bergen-people')?.sizeHistory.map((p) => p.size)).toEqual([2, 3]);
    const rfm = segments.filter((s) => s.id.startsWith('rfm-'));
    expect(rfm.length).toBeGreaterThan(0);
    for (const s of rfm) expect(s.sizeHistory, s.id).toHaveLength(2);
    const rows = page.getByTestId('size-history').locator('tbody tr');
    await rows.first().waitFor({ state: 'attached' });
    const got = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent)));
    expect(got).toEqual(segments.filter((s) => s.sizeHistory.length > 0).map((s) => [
      expect.stringContaining(`(${s.id})`), String(s.sizeHistory.length), s.sizeHistory.map((p) => String(p.size)).join(' → '),
    ]));
    expect(got.find((r) => r[0]?.includes('(bergen-people)'))).toEqual(['Bergen people (bergen-people)', '2', '2 → 3']);
    const chart = page.getByTestId('size-history-chart');
    await chart.locator('svg path').first().waitFor({ state: 'attached' });
    // ECharts' aria component describes the drawn chart: one line per segment with a history.
    expect(await chart.getAttribute('aria-label')).toContain(`consists of ${got.length} series count. The 0 series is a Line chart`);
    await page.getByTestId('size-history-chart').scrollIntoViewIfNeeded();
    await screenshot(page, 'segments-size-history');
  });
});
