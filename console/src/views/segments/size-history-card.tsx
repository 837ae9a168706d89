import { useGql } from '../../api/use-gql.ts';
import { Chart } from '../../charts/chart.tsx';
import { num, when } from '../../lib/format.ts';
import { Await, Card } from '../parts.tsx';
import { SIZE_HISTORY, type SizeHistoryData } from './queries.ts';

/**
 * Segment sizes over time: one line per segment, one point per refresh (the API's Segment.sizeHistory), and
 * the same figures as a table (the chart's text alternative, and what the browser test reads).
 * `version` reloads it after a segment is defined in the form beside it.
 */
export function SizeHistoryCard({ version }: { version: number }) {
  const loaded = useGql<SizeHistoryData>(SIZE_HISTORY, {}, String(version));
  return (
    <Card title="Size over time" wide>
      <Await loaded={loaded}>{({ segments }) => {
        const shown = segments.filter((s) => s.sizeHistory.length > 0);
        if (shown.length === 0) return <p class="muted">No refresh recorded yet: run <code>grec features</code>.</p>;
        return (
          <>
            <Chart testId="size-history-chart" height={320}
              label={`Segment sizes over time: ${shown.map((s) => `${s.name} ${s.sizeHistory.map((p) => p.size).join(' then ')}`).join('; ')}`}
              option={{
                grid: { left: 50, right: 20, top: 60, bottom: 30 }, tooltip: { trigger: 'axis' },
                legend: { type: 'scroll', top: 0 },
                xAxis: { type: 'time' }, yAxis: { type: 'value', minInterval: 1, name: 'members' },
                series: shown.map((s) => ({ type: 'line', name: s.name, showSymbol: true, data: s.sizeHistory.map((p) => [p.at, p.size]) })),
              }} />
            <details>
              <summary>As a table</summary>
              <div class="table-wrap"><table data-testid="size-history">
                <thead><tr><th>Segment</th><th class="num">Refreshes</th><th>Sizes, oldest first</th><th>Last refresh (UTC)</th></tr></thead>
                <tbody>{shown.map((s) => (
                  <tr key={s.id}>
                    <td>{s.name} <span class="muted">({s.id})</span></td><td class="num">{s.sizeHistory.length}</td>
                    <td>{s.sizeHistory.map((p) => num(p.size)).join(' → ')}</td><td>{when(s.sizeHistory.at(-1)?.at)}</td>
                  </tr>
                ))}</tbody>
              </table></div>
            </details>
          </>
        );
      }}</Await>
    </Card>
  );
}
