import { useState } from 'preact/hooks';
import type { Viewer } from '../../app.tsx';
import { gql } from '../../api/client.ts';
import { asApiError, useGql } from '../../api/use-gql.ts';
import { mayWrite } from '../../lib/access.ts';
import { money, num, pct, when } from '../../lib/format.ts';
import { Await, Card, ErrorNote } from '../parts.tsx';
import { EXPERIMENTS, type Campaign, type Experiment, type ListData } from './queries.ts';
import { ResultsCard } from './results-card.tsx';

/** Which variant wins: every experiment with its results, and the campaigns with their reach. */
export function ExperimentsView({ viewer }: { viewer: Viewer }) {
  const [version, setVersion] = useState(0);
  const loaded = useGql<ListData>(EXPERIMENTS, {}, String(version));
  const [error, setError] = useState<{ code: string; message: string } | null>(null);
  const stop = (mutation: string, vars: Record<string, unknown>) => {
    setError(null);
    gql(mutation, vars).then(() => setVersion((v) => v + 1)).catch((err: unknown) => setError(asApiError(err)));
  };
  return (
    <section>
      <h1>Experiments &amp; campaigns</h1>
      {error !== null ? <ErrorNote code={error.code} message={error.message} /> : null}
      <Await loaded={loaded}>{({ experiments, campaigns }) => (
        <div class="grid">
          {experiments.length === 0 ? <Card title="Experiments"><p class="muted">No experiments yet.</p></Card> : null}
          {experiments.map((e) => (
            <ExperimentCard key={`${e.key}-${version}`} experiment={e}
              onStop={mayWrite(viewer.role, 'experiments:stop') && e.status !== 'STOPPED'
                ? () => stop('mutation($key: ID!) { stopExperiment(key: $key) { key } }', { key: e.key }) : undefined} />
          ))}
          <Card title="Campaigns" wide>
            <CampaignTable campaigns={campaigns}
              onStop={mayWrite(viewer.role, 'campaigns:stop') ? (id) => stop('mutation($id: ID!) { stopCampaign(id: $id) { id } }', { id }) : undefined} />
          </Card>
        </div>
      )}</Await>
    </section>
  );
}

function ExperimentCard({ experiment: e, onStop }: { experiment: Experiment; onStop: (() => void) | undefined }) {
  return (
    <Card title={`Experiment ${e.key}`} wide>
      <p>
        <span class={`badge status-${e.status}`} data-testid={`status-${e.key}`}>{e.status}</span>
        {e.name ?? ''} · {e.surface} · coverage {pct(e.coverage, 0)} · {when(e.startAt)} → {when(e.stopAt)}
        {e.audienceSegmentId !== null ? ` · audience ${e.audienceSegmentId}` : ''}
        {onStop !== undefined ? <> · <button type="button" class="secondary" onClick={onStop}>Stop {e.key}</button></> : null}
      </p>
      <p class="muted">Variants: {e.variants.map((v, i) => `${v.key}${i === 0 ? ' (control)' : ''} ${v.strategy} ${pct(v.weight, 0)}`).join(' · ')}</p>
      <ResultsCard experimentKey={e.key} />
    </Card>
  );
}

function CampaignTable({ campaigns, onStop }: { campaigns: readonly Campaign[]; onStop: ((id: string) => void) | undefined }) {
  if (campaigns.length === 0) return <p class="muted">No campaigns yet.</p>;
  return (
    <div class="table-wrap"><table data-testid="campaigns">
      <thead><tr><th>Campaign</th><th>Status</th><th>Channel</th><th>Offer</th><th class="num">Audience</th><th class="num">Holdout</th>
        <th class="num">Impressions</th><th class="num">Conversions</th>{onStop !== undefined ? <th>Action</th> : null}</tr></thead>
      <tbody>{campaigns.map((c) => (
        <tr key={c.id}>
          <td>{c.name} <span class="muted">({c.audienceSegmentId ?? 'everyone'})</span></td><td>{c.status}</td><td>{c.channel}</td>
          <td>{[c.offer.message, c.offer.coupon, c.offer.discount !== null ? `${pct(c.offer.discount, 0)} off` : null,
            c.offer.items.map((i) => i.title ?? i.id).join(', '), `value ${money(c.offer.value)}`].filter((x) => x !== null && x !== '').join(' · ')}</td>
          <td class="num">{num(c.audienceSize)}</td><td class="num">{pct(c.holdoutShare, 0)}</td>
          <td class="num">{num(c.impressions)}</td><td class="num">{num(c.conversions)}</td>
          {onStop !== undefined ? <td>{c.status !== 'STOPPED' ? <button type="button" class="secondary" onClick={() => onStop(c.id)}>Stop</button> : null}</td> : null}
        </tr>
      ))}</tbody>
    </table></div>
  );
}
