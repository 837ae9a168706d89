import { useGql } from '../../api/use-gql.ts';
import { money, num } from '../../lib/format.ts';
import { Await, Card } from '../parts.tsx';
import { RECOMMENDATIONS, type RecsData } from './queries.ts';

/** What we would show them now and why: the served page, its strategy or experiment variant, each reason. */
export function RecommendationsCard({ userId }: { userId: string }) {
  const loaded = useGql<RecsData>(RECOMMENDATIONS, { id: userId }, userId);
  return (
    <Card title="Current recommendations" wide>
      <Await loaded={loaded}>{({ recommendations: r }) => (
        <>
          <p data-testid="served-by">Served by <strong>{r.strategy}</strong>
            {r.experiment !== null ? <> in experiment <strong>{r.experiment.key}</strong>, variant <strong>{r.experiment.variant}</strong></> : ' (no experiment)'}
          </p>
          {r.experiment?.preview === true && (
            // Looking is not serving: the API assigned nobody and signed no recommendationId for this page.
            <p class="muted" data-testid="preview-note">Preview: the variant this user would get. Viewing it did not enrol them in the experiment.</p>
          )}
          {r.edges.length === 0 ? <p class="muted">Nothing to recommend.</p> : (
            <div class="table-wrap"><table data-testid="recommendations">
              <thead><tr><th class="num">#</th><th>Item</th><th class="num">Price</th><th class="num">Score</th><th>Why</th></tr></thead>
              <tbody>{r.edges.map(({ node: n }) => (
                <tr key={n.item.id}>
                  <td class="num">{n.position}</td>
                  <td>{n.item.title ?? n.item.id} <span class="muted">({n.item.id}{n.item.categories.length > 0 ? `, ${n.item.categories.map((c) => c.name).join(', ')}` : ''})</span></td>
                  <td class="num">{money(n.item.price)}</td>
                  <td class="num">{num(n.score, 3)}</td>
                  <td>{n.sources.map((s) => <span class="badge" key={s}>{s}</span>)}
                    <ul class="reasons">{n.reasons.map((x, i) => <li key={i}>{x.text}</li>)}</ul></td>
                </tr>
              ))}</tbody>
            </table></div>
          )}
        </>
      )}</Await>
    </Card>
  );
}
