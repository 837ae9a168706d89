import { useGql } from '../../api/use-gql.ts';
import { Chart } from '../../charts/chart.tsx';
import { intervalBarsOption } from '../../charts/interval-bars.ts';
import { money, num, pct, when } from '../../lib/format.ts';
import { verdictOf } from '../../lib/verdict.ts';
import { Await } from '../parts.tsx';
import { RESULTS, type Estimate, type Lift, type ResultsData } from './queries.ts';

const range = (e: Estimate | null, f: (x: number) => string) => (e === null ? '–' : `${f(e.value)} [${f(e.lower)}, ${f(e.upper)}]`);
const liftText = (l: Lift | null, f: (x: number) => string) =>
  (l === null ? '–' : `${f(l.difference)} [${f(l.lower)}, ${f(l.upper)}], p ${l.pValue < 0.001 ? '< 0.001' : l.pValue.toFixed(3)}`);
const signed = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)} pp`;

/** Per variant: reach, conversion with intervals, lift against the control, SRM check and the sequential verdict. */
export function ResultsCard({ experimentKey }: { experimentKey: string }) {
  const loaded = useGql<ResultsData>(RESULTS, { key: experimentKey }, experimentKey);
  return (
    <Await loaded={loaded}>{({ experimentResults: r }) => {
      const mismatch = r.sampleRatio?.mismatch === true;
      const treatments = r.variants.filter((v) => !v.isControl);
      return (
        <div data-testid={`results-${experimentKey}`}>
          {mismatch && r.sampleRatio !== null ? (
            <p class="warn" role="alert">Sample ratio mismatch: assigned {r.sampleRatio.observed.join(' / ')} against expected{' '}
              {r.sampleRatio.expected.map((x) => num(x, 1)).join(' / ')} (χ² {num(r.sampleRatio.chiSquare)}, p {r.sampleRatio.pValue.toExponential(1)}). The split is broken: do not trust these results.</p>
          ) : null}
          <ul class="verdicts" data-testid={`verdict-${experimentKey}`}>
            {treatments.map((v) => {
              const verdict = verdictOf(v.variant, v.conversionLift, mismatch);
              return <li key={v.variant} class={verdict.kind === 'wins' ? 'good' : verdict.kind === 'loses' ? 'bad' : ''}>{verdict.text}</li>;
            })}
          </ul>
          <div class="table-wrap"><table>
            <thead><tr><th>Variant</th><th class="num">Assigned</th><th class="num">Exposed</th><th class="num">Impressions</th><th class="num">CTR</th>
              <th class="num">Conversion [{pct(r.confidence, 0)}]</th><th class="num">Conversion lift</th><th class="num">Always-valid lift</th>
              <th class="num">Revenue / user</th></tr></thead>
            <tbody>{r.variants.map((v) => (
              <tr key={v.variant}>
                <td>{v.variant} {v.isControl ? <span class="badge">control</span> : null} <span class="muted">{v.strategy}</span></td>
                <td class="num">{num(v.assigned)}</td><td class="num">{num(v.exposed)}</td><td class="num">{num(v.impressions)}</td>
                <td class="num">{range(v.ctr, (x) => pct(x))}</td>
                <td class="num">{v.conversions} · {range(v.conversionRate, (x) => pct(x))}</td>
                <td class="num">{liftText(v.conversionLift, signed)}</td>
                <td class="num">{v.conversionLift === null ? '–' : `[${signed(v.conversionLift.sequentialLower)}, ${signed(v.conversionLift.sequentialUpper)}]`}</td>
                <td class="num">{range(v.revenuePerUser, money)}</td>
              </tr>
            ))}</tbody>
          </table></div>
          {r.variants.some((v) => v.conversionRate !== null) ? (
            <Chart testId={`conversion-${experimentKey}`} height={220}
              label={`Conversion by variant: ${r.variants.map((v) => `${v.variant} ${pct(v.conversionRate?.value)}`).join(', ')}`}
              option={intervalBarsOption(r.variants.map((v) => ({ label: v.variant, value: v.conversionRate?.value ?? 0, low: v.conversionRate?.lower ?? 0, high: v.conversionRate?.upper ?? 0 })))} />
          ) : null}
          <p class="muted">Purchases count within {num(r.attributionWindowHours)} h of a user's first impression. Computed {when(r.computedAt)}.</p>
        </div>
      );
    }}</Await>
  );
}
