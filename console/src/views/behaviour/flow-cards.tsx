import { useGql } from '../../api/use-gql.ts';
import { Chart } from '../../charts/chart.tsx';
import { heatmapCells, sessionFlow, stateOfNode } from '../../lib/chain-flow.ts';
import { num, pct } from '../../lib/format.ts';
import { Await, Card } from '../parts.tsx';
import { scopeVariables, type Scope } from './behaviour-view.tsx';
import { ABSORPTION, MATRIX, type AbsorptionData, type MatrixData } from './queries.ts';

const STEPS = 5;

/** The transition matrix as a heatmap and as a flow of sessions, and the absorption probabilities. */
export function FlowCards({ scope }: { scope: Scope }) {
  const matrix = useGql<MatrixData>(MATRIX, scopeVariables(scope), 'm');
  const absorption = useGql<AbsorptionData>(ABSORPTION, scopeVariables(scope), 'a');
  return (
    <>
      <Card title="Transition matrix">
        <Await loaded={matrix}>{({ transitionMatrix: m }) => {
          const cells = heatmapCells(m);
          const noData = m.rows.filter((r) => !r.hasData).map((r) => r.from);
          return (
            <>
              <p class="muted">{num(m.users)} users, {num(m.transitions)} transitions. P(row → column).
                {noData.length > 0 ? ` Rows without data (blank): ${noData.join(', ')}.` : ''}</p>
              <Chart testId="heatmap" label={`Transition probabilities between ${m.states.join(', ')}`} height={340} option={{
                tooltip: { formatter: (p: { value: [number, number, number] }) => `${m.states[p.value[1]]} → ${m.states[p.value[0]]}: ${pct(p.value[2])}` },
                grid: { left: 90, right: 20, top: 10, bottom: 90 },
                xAxis: { type: 'category', data: m.states, name: 'to', nameLocation: 'middle', nameGap: 28, axisLabel: { interval: 0, rotate: 30 } },
                yAxis: { type: 'category', data: m.states, inverse: true },
                visualMap: { min: 0, max: 1, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120, inRange: { color: ['#f5f7fa', '#0b5cad'] } },
                series: [{ type: 'heatmap', data: cells, label: { show: true, fontSize: 10, formatter: (p: { value: [number, number, number] }) => (p.value[2] === 0 ? '' : p.value[2].toFixed(2)) } }],
              }} />
            </>
          );
        }}</Await>
      </Card>
      <Card title="Session flow: START → PURCHASE / EXIT" wide>
        <Await loaded={matrix}>{({ transitionMatrix: m }) => {
          const flow = sessionFlow(m, STEPS, 0);
          if (flow.sessions === 0) return <p class="muted">No sessions in this scope.</p>;
          const purchased = flow.links.filter((l) => l.target === 'PURCHASE').reduce((s, l) => s + l.value, 0);
          return (
            <>
              <p class="muted">{num(flow.sessions)} sessions unrolled {STEPS} steps; flows stop at the first PURCHASE, CANCEL or EXIT
                (as in absorption). {pct(purchased / flow.sessions)} reach PURCHASE within {STEPS} steps.</p>
              <Chart testId="sankey" label={`Flow of ${flow.sessions} sessions from START; ${pct(purchased / flow.sessions)} reach PURCHASE within ${STEPS} steps`} height={340} option={{
                tooltip: { trigger: 'item' },
                series: [{
                  type: 'sankey', nodeAlign: 'left', left: 10, right: 70, top: 10, bottom: 10, emphasis: { focus: 'adjacency' },
                  data: flow.nodes.map((name) => ({ name, itemStyle: { color: colourOf(stateOfNode(name)) } })),
                  links: flow.links.map((l) => ({ ...l, value: Math.round(l.value * 100) / 100 })),
                  label: { formatter: (p: { name: string }) => stateOfNode(p.name), fontSize: 11 },
                  lineStyle: { color: 'gradient', opacity: 0.35 },
                }],
              }} />
            </>
          );
        }}</Await>
      </Card>
      <Card title="Absorption: where each state ends">
        <Await loaded={absorption}>{({ absorption: a }) => (
          <div class="table-wrap"><table data-testid="absorption">
            <thead><tr><th>From</th>{a.absorbingStates.map((s) => <th class="num" key={s}>P({s})</th>)}
              {a.noDataStates.map((s) => <th class="num" key={s}>P({s}, no data)</th>)}<th class="num">Expected steps</th></tr></thead>
            <tbody>{a.rows.map((r) => (
              <tr key={r.from}><th scope="row">{r.from}</th>
                {[...a.absorbingStates, ...a.noDataStates].map((s) => <td class="num" key={s}>{pct(r.absorbing.find((x) => x.state === s)?.probability ?? 0)}</td>)}
                <td class="num">{num(r.expectedSteps, 2)}</td></tr>
            ))}</tbody>
          </table></div>
        )}</Await>
      </Card>
    </>
  );
}

function colourOf(state: string): string {
  switch (state) {
    case 'PURCHASE': return '#1d8a3a';
    case 'EXIT': return '#b3261e';
    case 'CANCEL': return '#8a4b00';
    case 'CART': return '#e8a33d';
    case 'START': return '#14213d';
    default: return '#6c8ebf';
  }
}
