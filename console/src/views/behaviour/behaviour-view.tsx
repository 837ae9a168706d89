import { useState } from 'preact/hooks';
import { useGql } from '../../api/use-gql.ts';
import { Await, Card } from '../parts.tsx';
import { ConversionCard } from './conversion-card.tsx';
import { FlowCards } from './flow-cards.tsx';
import { FunnelCard } from './funnel-card.tsx';
import { SEGMENT_OPTIONS, type SegmentOptionsData } from './queries.ts';

export interface Scope {
  readonly segment: { segmentId: string } | null;
  readonly window: { from?: string; to?: string } | null;
  readonly sessionEnd: 'GAP' | 'LAST_EVENT';
}

/** How do customers flow to purchase: the chain, its flow, absorption, the funnel, conversion by segment. */
export function BehaviourView() {
  const [scope, setScope] = useState<Scope>({ segment: null, window: null, sessionEnd: 'LAST_EVENT' });
  return (
    <section>
      <h1>Behaviour</h1>
      <ScopeForm onApply={setScope} />
      <div class="grid" key={JSON.stringify(scope)}>
        <FlowCards scope={scope} />
        <FunnelCard scope={scope} />
        <ConversionCard scope={scope} />
      </div>
    </section>
  );
}

const dayStart = (d: string) => (d === '' ? undefined : `${d}T00:00:00Z`);
const dayEnd = (d: string) => (d === '' ? undefined : `${d}T23:59:59.999Z`);

function ScopeForm({ onApply }: { onApply: (s: Scope) => void }) {
  const options = useGql<SegmentOptionsData>(SEGMENT_OPTIONS, {}, 'segments');
  const [segmentId, setSegmentId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [sessionEnd, setSessionEnd] = useState<Scope['sessionEnd']>('LAST_EVENT');
  return (
    <form class="inline-form" aria-label="Population and window" onSubmit={(e) => {
      e.preventDefault();
      const f = dayStart(from);
      const t = dayEnd(to);
      onApply({
        segment: segmentId === '' ? null : { segmentId },
        window: f === undefined && t === undefined ? null : { ...(f !== undefined ? { from: f } : {}), ...(t !== undefined ? { to: t } : {}) },
        sessionEnd,
      });
    }}>
      <div class="field">
        <label for="b-segment">Segment</label>
        <select id="b-segment" value={segmentId} onChange={(e) => setSegmentId(e.currentTarget.value)}>
          <option value="">Everyone</option>
          {options.state === 'ok' ? options.data.segments.map((s) => <option key={s.id} value={s.id}>{s.name} ({s.size})</option>) : null}
        </select>
      </div>
      <div class="field"><label for="b-from">From (UTC day)</label><input id="b-from" type="date" value={from} onInput={(e) => setFrom(e.currentTarget.value)} /></div>
      <div class="field"><label for="b-to">To (UTC day)</label><input id="b-to" type="date" value={to} onInput={(e) => setTo(e.currentTarget.value)} /></div>
      <div class="field">
        <label for="b-end">Last session ends</label>
        <select id="b-end" value={sessionEnd} onChange={(e) => setSessionEnd(e.currentTarget.value as Scope['sessionEnd'])}>
          <option value="LAST_EVENT">at its last event (finished logs)</option>
          <option value="GAP">after the idle gap (live shop)</option>
        </select>
      </div>
      <button type="submit">Apply</button>
    </form>
  );
}

export function scopeVariables(scope: Scope, withOptions = true): Record<string, unknown> {
  return {
    segment: scope.segment,
    window: scope.window,
    ...(withOptions ? { options: { sessionEnd: scope.sessionEnd } } : {}),
  };
}

export { Await, Card };
