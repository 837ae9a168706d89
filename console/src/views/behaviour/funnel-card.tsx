import { useGql } from '../../api/use-gql.ts';
import { Chart } from '../../charts/chart.tsx';
import { duration, num, pct } from '../../lib/format.ts';
import { Await, Card } from '../parts.tsx';
import { scopeVariables, type Scope } from './behaviour-view.tsx';
import { FUNNEL, type FunnelData } from './queries.ts';

/** VIEW -> CART -> PURCHASE within 72 h: users at each step, drop-offs and time to convert. */
export function FunnelCard({ scope }: { scope: Scope }) {
  const loaded = useGql<FunnelData>(FUNNEL, scopeVariables(scope, false), 'f');
  return (
    <Card title="Funnel (72 h)">
      <Await loaded={loaded}>{({ funnel: f }) => (
        <>
          <Chart testId="funnel" label={`Funnel: ${f.steps.map((s) => `${s.state} ${s.users}`).join(', ')}`} height={220} option={{
            grid: { left: 80, right: 30, top: 10, bottom: 25 },
            tooltip: {},
            xAxis: { type: 'value' },
            yAxis: { type: 'category', inverse: true, data: f.steps.map((s) => s.state) },
            series: [
              { type: 'bar', stack: 'f', name: 'users', data: f.steps.map((s) => s.users), itemStyle: { color: '#0b5cad' }, label: { show: true, position: 'insideLeft', color: '#fff' } },
              { type: 'bar', stack: 'f', name: 'dropped', data: f.steps.map((s) => s.dropOff), itemStyle: { color: '#f3d5d6' } },
            ],
          }} />
          <div class="table-wrap"><table data-testid="funnel-table">
            <thead><tr><th>Step</th><th class="num">Users</th><th class="num">From previous</th><th class="num">Dropped</th><th class="num">Median time from start</th></tr></thead>
            <tbody>{f.steps.map((s) => (
              <tr key={s.state}><td>{s.state}</td><td class="num">{num(s.users)}</td><td class="num">{pct(s.conversion)}</td>
                <td class="num">{num(s.dropOff)}</td><td class="num">{duration(s.medianSecondsFromStart)}</td></tr>
            ))}</tbody>
          </table></div>
          <p>Overall {pct(f.overallConversion)} of {num(f.totalUsers)} users; median time to convert {duration(f.medianSecondsToConvert)}, p90 {duration(f.p90SecondsToConvert)}.</p>
        </>
      )}</Await>
    </Card>
  );
}
