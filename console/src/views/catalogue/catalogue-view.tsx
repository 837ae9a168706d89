import { useState } from 'preact/hooks';
import { useGql } from '../../api/use-gql.ts';
import { Chart } from '../../charts/chart.tsx';
import { num } from '../../lib/format.ts';
import { href } from '../../lib/routes.ts';
import { Await, Card } from '../parts.tsx';

const HOT = `query Hot($eventType: InteractionType) {
  hotItems(eventType: $eventType, window: { recentDays: 7, baselineDays: 28 }, first: 10) {
    item { id title categories { id name } } score recentCount baselineCount expectedRecent ratio }
}`;
const ITEM = `query Item($id: ID!, $eventType: InteractionType) {
  item(id: $id) { id title price popularity categories { id name } }
  similarItems(itemId: $id, first: 8) { score item { id title } reasons { text } }
  demandForecast(itemId: $id, horizonDays: 14, historyDays: 56, eventType: $eventType) { method history { date count } forecast { date mean lower upper } }
}`;

interface HotData { hotItems: { item: { id: string; title: string | null; categories: { id: string; name: string | null }[] }; score: number; recentCount: number; baselineCount: number; expectedRecent: number; ratio: number }[] }
interface ItemData {
  item: { id: string; title: string | null; price: number | null; popularity: number; categories: { id: string; name: string | null }[] } | null;
  similarItems: { score: number; item: { id: string; title: string | null }; reasons: { text: string }[] }[];
  demandForecast: { method: string; history: { date: string; count: number }[]; forecast: { date: string; mean: number; lower: number; upper: number }[] };
}

const TYPES = ['PURCHASE', 'CART', 'VIEW', 'FAVOURITE'] as const;

/** What is rising, what demand to expect, and what goes with an item. */
export function CatalogueView({ itemId }: { itemId?: string | null }) {
  const [eventType, setEventType] = useState<string>('PURCHASE');
  const hot = useGql<HotData>(HOT, { eventType }, eventType);
  return (
    <section>
      <h1>Catalogue{itemId !== null && itemId !== undefined ? `: ${itemId}` : ''}</h1>
      <div class="inline-form">
        <div class="field"><label for="cat-type">Demand signal</label>
          <select id="cat-type" value={eventType} onChange={(e) => setEventType(e.currentTarget.value)}>{TYPES.map((t) => <option key={t} value={t}>{t.toLowerCase()}</option>)}</select></div>
        <ItemPicker current={itemId ?? null} />
      </div>
      <div class="grid">
        <Card title="Hot items (last 7 days against the 28 before)" wide>
          <Await loaded={hot}>{({ hotItems }) => hotItems.length === 0 ? <p class="muted">Nothing rising.</p> : (
            <div class="table-wrap"><table data-testid="hot-items">
              <thead><tr><th>Item</th><th class="num">z-score</th><th class="num">Recent</th><th class="num">Expected</th><th class="num">Baseline</th><th class="num">Ratio</th></tr></thead>
              <tbody>{hotItems.map((h) => (
                <tr key={h.item.id}>
                  <td><a href={href('catalogue', h.item.id)}>{h.item.title ?? h.item.id}</a> <span class="muted">({h.item.id})</span></td>
                  <td class="num">{num(h.score)}</td><td class="num">{h.recentCount}</td><td class="num">{num(h.expectedRecent)}</td>
                  <td class="num">{h.baselineCount}</td><td class="num">{num(h.ratio)}×</td>
                </tr>
              ))}</tbody>
            </table></div>
          )}</Await>
        </Card>
        {itemId !== null && itemId !== undefined ? <ItemCards key={`${itemId}-${eventType}`} itemId={itemId} eventType={eventType} /> : null}
      </div>
    </section>
  );
}

function ItemPicker({ current }: { current: string | null }) {
  const [id, setId] = useState(current ?? '');
  return (
    <form class="inline-form" role="search" onSubmit={(e) => { e.preventDefault(); if (id.trim() !== '') location.hash = href('catalogue', id.trim()); }}>
      <div class="field"><label for="item-id">Item id</label><input id="item-id" value={id} onInput={(e) => setId(e.currentTarget.value)} placeholder="i1" /></div>
      <button type="submit">Open item</button>
    </form>
  );
}

function ItemCards({ itemId, eventType }: { itemId: string; eventType: string }) {
  const loaded = useGql<ItemData>(ITEM, { id: itemId, eventType }, `${itemId}-${eventType}`);
  return (
    <Await loaded={loaded}>{({ item, similarItems, demandForecast: f }) => (
      <>
        <Card title={`Demand forecast: ${item?.title ?? itemId}`}>
          <p data-testid="forecast-method">{f.method}, 95 % prediction interval, daily {eventType.toLowerCase()} events.</p>
          <Chart testId="forecast" height={260} label={`History and 14-day forecast of ${itemId} (${f.method})`} option={forecastOption(f)} />
        </Card>
        <Card title="Similar items">
          {similarItems.length === 0 ? <p class="muted">No co-interactions yet.</p> : (
            <ol data-testid="similar-items">{similarItems.map((s) => (
              <li key={s.item.id}><a href={href('catalogue', s.item.id)}>{s.item.title ?? s.item.id}</a> <span class="muted">({num(s.score, 3)})</span>
                <ul class="reasons">{s.reasons.map((r, i) => <li key={i}>{r.text}</li>)}</ul></li>
            ))}</ol>
          )}
        </Card>
      </>
    )}</Await>
  );
}

/** Observed counts as a line, the forecast mean dashed, its interval as a band (lower + stacked width). */
function forecastOption(f: ItemData['demandForecast']) {
  const dates = [...f.history.map((h) => h.date), ...f.forecast.map((p) => p.date)];
  const pad = f.history.map(() => null);
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: ['observed', 'forecast', '95 % interval'], bottom: 0 },
    grid: { left: 40, right: 15, top: 15, bottom: 55 },
    xAxis: { type: 'category', data: dates, axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', min: 0 },
    series: [
      { name: 'observed', type: 'line', data: f.history.map((h) => h.count), symbol: 'none', itemStyle: { color: '#14213d' } },
      { name: 'lower', type: 'line', stack: 'band', data: [...pad, ...f.forecast.map((p) => Math.max(0, p.lower))], symbol: 'none', lineStyle: { opacity: 0 } },
      { name: '95 % interval', type: 'line', stack: 'band', data: [...pad, ...f.forecast.map((p) => p.upper - Math.max(0, p.lower))], symbol: 'none',
        lineStyle: { opacity: 0 }, areaStyle: { color: '#0b5cad', opacity: 0.18 }, itemStyle: { color: '#9bbbe0' } },
      { name: 'forecast', type: 'line', data: [...pad, ...f.forecast.map((p) => p.mean)], symbol: 'none', lineStyle: { type: 'dashed' }, itemStyle: { color: '#0b5cad' } },
    ],
  };
}
