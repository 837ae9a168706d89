import { useState } from 'preact/hooks';
import { gql } from '../../api/client.ts';
import { asApiError } from '../../api/use-gql.ts';
import { ruleDocument, type Condition } from '../../lib/rule-document.ts';
import { Card } from '../parts.tsx';
import { DEFINE, type Feature, type Segment } from './queries.ts';

const OPS = ['gte', 'gt', 'lte', 'lt', 'eq', 'neq', 'between', 'in'] as const;
const emptyCondition = (): Condition => ({ feature: '', op: 'gte', value: '' });

/**
 * Defines a rule segment. The document is built from the rows (or written as JSON) and checked by the API:
 * its INVALID_INPUT lists every problem with its path and suggests misspelt features, shown here as sent.
 */
export function RuleForm({ features, segments, onDefined }: { features: readonly Feature[]; segments: readonly Segment[]; onDefined: () => void }) {
  const [name, setName] = useState('');
  const [combine, setCombine] = useState<'all' | 'any'>('all');
  const [rows, setRows] = useState<Condition[]>([emptyCondition()]);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const set = (i: number, patch: Partial<Condition>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const doc = ruleDocument(combine, rows);
  return (
    <Card title="Define a rule segment">
      <form aria-label="Define a rule segment" onSubmit={(e) => {
        e.preventDefault();
        setResult(null);
        gql<{ defineSegment: { id: string; size: number } }>(DEFINE, { input: { name, rule: doc } })
          .then(({ defineSegment: s }) => { setResult({ ok: true, text: `Saved ${s.id}: ${s.size} members.` }); onDefined(); })
          .catch((err: unknown) => { const x = asApiError(err); setResult({ ok: false, text: `${x.code}: ${x.message}` }); });
      }}>
        <label for="seg-name">Name</label>
        <input id="seg-name" required value={name} onInput={(e) => setName(e.currentTarget.value)} />
        <label for="seg-combine">Members match</label>
        <select id="seg-combine" value={combine} onChange={(e) => setCombine(e.currentTarget.value as 'all' | 'any')}>
          <option value="all">all conditions</option><option value="any">any condition</option>
        </select>
        {rows.map((r, i) => (
          <fieldset key={i} class="inline-form">
            <legend>Condition {i + 1}</legend>
            <div class="field"><label for={`f-${i}`}>Feature</label>
              <input id={`f-${i}`} list="feature-names" value={r.feature} onInput={(e) => set(i, { feature: e.currentTarget.value })} /></div>
            <div class="field"><label for={`o-${i}`}>Operator</label>
              <select id={`o-${i}`} value={r.op} onChange={(e) => set(i, { op: e.currentTarget.value })}>{OPS.map((o) => <option key={o}>{o}</option>)}</select></div>
            <div class="field"><label for={`v-${i}`}>Value</label>
              <input id={`v-${i}`} value={r.value} placeholder={r.op === 'between' ? '1, 5' : r.op === 'in' ? 'a, b' : ''} onInput={(e) => set(i, { value: e.currentTarget.value })} /></div>
            {rows.length > 1 ? <button type="button" class="secondary" onClick={() => setRows(rows.filter((_, j) => j !== i))}>Remove</button> : null}
          </fieldset>
        ))}
        <datalist id="feature-names">{features.map((f) => <option key={f.name} value={f.name}>{f.description}</option>)}
          {segments.map((s) => <option key={s.id} value={`segment:${s.id}`}>member of {s.name}</option>)}</datalist>
        <p><button type="button" class="secondary" onClick={() => setRows([...rows, emptyCondition()])}>Add condition</button>{' '}
          <button type="submit">Save segment</button></p>
        <details><summary>Rule document sent</summary><pre data-testid="rule-json">{JSON.stringify(doc, null, 1)}</pre></details>
        {result !== null ? <p role={result.ok ? 'status' : 'alert'} class={result.ok ? 'good' : 'error'} data-testid="define-result">{result.text}</p> : null}
      </form>
    </Card>
  );
}
