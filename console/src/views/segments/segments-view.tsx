import { useState } from 'preact/hooks';
import type { Viewer } from '../../app.tsx';
import { useGql } from '../../api/use-gql.ts';
import { Chart } from '../../charts/chart.tsx';
import { mayWrite } from '../../lib/access.ts';
import { money, num, pct } from '../../lib/format.ts';
import { Await, Card } from '../parts.tsx';
import { CompareCard } from './compare-card.tsx';
import { SEGMENTS, type Segment, type SegmentsData } from './queries.ts';
import { RuleForm } from './rule-form.tsx';
import { SizeHistoryCard } from './size-history-card.tsx';

/** Who are our customers: every segment with its size, summary and size over time, the clusters in words, rule segments. */
export function SegmentsView({ viewer }: { viewer: Viewer }) {
  const [version, setVersion] = useState(0);
  const loaded = useGql<SegmentsData>(SEGMENTS, {}, String(version));
  return (
    <section>
      <h1>Segments</h1>
      <Await loaded={loaded}>{({ segments, profileFeatures }) => (
        <div class="grid">
          <Card title="Segment sizes" wide>
            {segments.length === 0 ? <p class="muted">No segments: run <code>grec features</code>.</p> : (
              <Chart testId="segment-sizes" height={Math.max(160, 26 * segments.length + 40)}
                label={`Segment sizes: ${segments.map((s) => `${s.name} ${s.size}`).join(', ')}`} option={{
                  grid: { left: 170, right: 40, top: 10, bottom: 25 }, tooltip: {},
                  xAxis: { type: 'value', minInterval: 1 },
                  yAxis: { type: 'category', inverse: true, data: segments.map((s) => s.name) },
                  series: [{ type: 'bar', data: segments.map((s) => ({ value: s.size, itemStyle: { color: s.kind === 'RULE' ? '#e8a33d' : s.kind === 'CLUSTER' ? '#1d8a3a' : '#0b5cad' } })), label: { show: true, position: 'right' } }],
                }} />
            )}
            <SegmentTable segments={segments} />
          </Card>
          <SizeHistoryCard version={version} />
          {segments.filter((s) => s.kind === 'CLUSTER').map((s) => <ClusterCard key={s.id} segment={s} />)}
          {mayWrite(viewer.role, 'segments:define')
            ? <RuleForm features={profileFeatures} segments={segments} onDefined={() => setVersion((v) => v + 1)} /> : null}
          <CompareCard segments={segments} />
        </div>
      )}</Await>
    </section>
  );
}

function SegmentTable({ segments }: { segments: readonly Segment[] }) {
  return (
    <div class="table-wrap"><table data-testid="segments">
      <thead><tr><th>Segment</th><th>Kind</th><th class="num">Members</th><th class="num">Share</th><th class="num">Mean purchases</th>
        <th class="num">Mean spend</th><th class="num">Mean P(alive)</th><th class="num">Total CLV</th><th>Description</th></tr></thead>
      <tbody>{segments.map((s) => (
        <tr key={s.id}>
          <td>{s.name} <span class="muted">({s.id})</span></td><td>{s.kind}</td><td class="num">{num(s.size)}</td>
          <td class="num">{pct(s.summary?.share)}</td><td class="num">{num(s.summary?.meanPurchases)}</td>
          <td class="num">{money(s.summary?.meanMonetary)}</td><td class="num">{pct(s.summary?.meanPAlive)}</td>
          <td class="num">{money(s.summary?.totalClv)}</td><td>{s.description}</td>
        </tr>
      ))}</tbody>
    </table></div>
  );
}

/** A cluster in words (the three features that set it apart, from the API) and its centroid as a chart. */
function ClusterCard({ segment: s }: { segment: Segment }) {
  const centroid = Object.entries(s.centroid ?? {}).filter(([, v]) => typeof v === 'number');
  return (
    <Card title={`Cluster: ${s.name}`}>
      <p><strong>{s.description}</strong> · {num(s.size)} members ({pct(s.summary?.share)})</p>
      {centroid.length > 0 ? (
        <Chart height={Math.max(160, 20 * centroid.length + 30)} label={`Centroid of ${s.name}`} option={{
          grid: { left: 150, right: 50, top: 5, bottom: 20 }, tooltip: {},
          xAxis: { type: 'value' }, yAxis: { type: 'category', inverse: true, data: centroid.map(([k]) => k) },
          series: [{ type: 'bar', data: centroid.map(([, v]) => Math.round(v * 1000) / 1000), itemStyle: { color: '#1d8a3a' }, label: { show: true, position: 'right', fontSize: 10 } }],
        }} />
      ) : null}
    </Card>
  );
}
