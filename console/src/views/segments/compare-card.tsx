import { useState } from 'preact/hooks';
import { useGql } from '../../api/use-gql.ts';
import { Chart } from '../../charts/chart.tsx';
import { intervalBarsOption } from '../../charts/interval-bars.ts';
import { num, pct } from '../../lib/format.ts';
import { Await, Card } from '../parts.tsx';
import { COMPARE, type CompareData, type Segment } from './queries.ts';

/** Two segments' purchase conversion side by side, each with its Wilson 95 % interval. */
export function CompareCard({ segments }: { segments: readonly Segment[] }) {
  const [a, setA] = useState(segments[0]?.id ?? '');
  const [b, setB] = useState(segments[1]?.id ?? segments[0]?.id ?? '');
  const [asked, setAsked] = useState<[string, string] | null>(null);
  return (
    <Card title="Compare two segments' conversion">
      <form class="inline-form" aria-label="Compare segments" onSubmit={(e) => { e.preventDefault(); setAsked([a, b]); }}>
        <div class="field"><label for="cmp-a">Segment A</label>
          <select id="cmp-a" value={a} onChange={(e) => setA(e.currentTarget.value)}>{segments.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}</select></div>
        <div class="field"><label for="cmp-b">Segment B</label>
          <select id="cmp-b" value={b} onChange={(e) => setB(e.currentTarget.value)}>{segments.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}</select></div>
        <button type="submit">Compare</button>
      </form>
      {asked !== null ? <Comparison key={asked.join('|')} a={asked[0]} b={asked[1]} segments={segments} /> : null}
    </Card>
  );
}

function Comparison({ a, b, segments }: { a: string; b: string; segments: readonly Segment[] }) {
  const loaded = useGql<CompareData>(COMPARE, { a: { segmentId: a }, b: { segmentId: b } }, `${a}|${b}`);
  const name = (id: string) => segments.find((s) => s.id === id)?.name ?? id;
  return (
    <Await loaded={loaded}>{(d) => (
      <>
        <ul data-testid="comparison">
          {([[a, d.a], [b, d.b]] as const).map(([id, r]) => (
            <li key={id}>{name(id)}: <strong>{pct(r.rate)}</strong> ({num(r.numerator)} of {num(r.denominator)}; 95 % {pct(r.interval.low)} – {pct(r.interval.high)})</li>
          ))}
        </ul>
        <p>Difference A − B: <strong>{`${d.a.rate - d.b.rate >= 0 ? '+' : ''}${((d.a.rate - d.b.rate) * 100).toFixed(1)} pp`}</strong>
          {d.a.interval.low > d.b.interval.high || d.b.interval.low > d.a.interval.high ? ' (the intervals do not overlap)' : ' (the intervals overlap: not a clear difference)'}</p>
        <Chart height={220} label={`Conversion: ${name(a)} ${pct(d.a.rate)}, ${name(b)} ${pct(d.b.rate)}`}
          option={intervalBarsOption([{ label: name(a), value: d.a.rate, low: d.a.interval.low, high: d.a.interval.high },
            { label: name(b), value: d.b.rate, low: d.b.interval.low, high: d.b.interval.high }])} />
      </>
    )}</Await>
  );
}
