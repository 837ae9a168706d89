import { useState } from 'preact/hooks';
import { useGql } from '../../api/use-gql.ts';
import { intervalBarsOption } from '../../charts/interval-bars.ts';
import { Chart } from '../../charts/chart.tsx';
import { num, pct } from '../../lib/format.ts';
import { Await, Card } from '../parts.tsx';
import { scopeVariables, type Scope } from './behaviour-view.tsx';
import { CONVERSION, type ConversionData } from './queries.ts';

const DIMENSIONS = ['GENDER', 'AGE_BAND', 'LOCATION', 'CATEGORY', 'ACQUISITION_MONTH', 'HAS_FRIEND_WHO_PURCHASED'] as const;

/** Purchase conversion by a dimension, each bar with its Wilson 95 % interval. */
export function ConversionCard({ scope }: { scope: Scope }) {
  const [dimension, setDimension] = useState<string>('GENDER');
  const loaded = useGql<ConversionData>(CONVERSION, { ...scopeVariables(scope, false), breakdown: dimension }, dimension);
  return (
    <Card title="Purchase conversion by segment">
      <label for="c-dim">Break down by</label>
      <select id="c-dim" value={dimension} onChange={(e) => setDimension(e.currentTarget.value)}>
        {DIMENSIONS.map((d) => <option key={d} value={d}>{d.toLowerCase().replace(/_/g, ' ')}</option>)}
      </select>
      <Await loaded={loaded}>{({ conversionRate: c }) => {
        const rows = c.breakdown ?? [];
        return (
          <>
            <p>All: <strong>{pct(c.rate)}</strong> ({num(c.numerator)} of {num(c.denominator)}; 95 % {pct(c.interval.low)} – {pct(c.interval.high)})</p>
            <Chart testId="conversion" label={`Conversion by ${dimension}: ${rows.map((r) => `${r.segment} ${pct(r.rate)}`).join(', ')}`} height={260}
              option={intervalBarsOption(rows.map((r) => ({ label: r.segment, value: r.rate, low: r.interval.low, high: r.interval.high })))} />
            <div class="table-wrap"><table data-testid="conversion-table">
              <thead><tr><th>{dimension.toLowerCase().replace(/_/g, ' ')}</th><th class="num">Rate</th><th class="num">Users</th><th class="num">95 % interval</th></tr></thead>
              <tbody>{rows.map((r) => (
                <tr key={r.segment}><td>{r.segment}</td><td class="num">{pct(r.rate)}</td><td class="num">{num(r.numerator)} / {num(r.denominator)}</td>
                  <td class="num">{pct(r.interval.low)} – {pct(r.interval.high)}</td></tr>
              ))}</tbody>
            </table></div>
          </>
        );
      }}</Await>
    </Card>
  );
}
