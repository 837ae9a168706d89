import { useGql } from '../../api/use-gql.ts';
import { Chart } from '../../charts/chart.tsx';
import { money, num, pct, when } from '../../lib/format.ts';
import { Await, Card, Facts } from '../parts.tsx';
import { PROFILE, type ProfileData } from './queries.ts';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Profile: who they are, how they behave, what they like, what they are worth (BG/NBD, Gamma-Gamma). */
export function ProfileCards({ userId }: { userId: string }) {
  const loaded = useGql<ProfileData>(PROFILE, { id: userId }, userId);
  return (
    <Await loaded={loaded}>{({ user, userProfile: p }) => {
      if (user === null) return <Card title="Profile" wide><p role="alert" class="error">No user {userId}.</p></Card>;
      const cluster = p?.segments.find((s) => s.kind === 'CLUSTER');
      return (
        <>
          <Card title="Profile">
            <Facts rows={[
              ['Name', user.name], ['Age', user.age], ['Gender', user.gender], ['Location', user.location],
              ['Friends', user.friendCount], ['Account age', p !== null && p.basic.accountAgeDays !== null ? `${num(p.basic.accountAgeDays, 0)} d` : null],
              ['RFM segment', p?.value.rfm !== null && p?.value.rfm !== undefined ? `${p.value.rfm.segment} (R${p.value.rfm.r} F${p.value.rfm.f} M${p.value.rfm.m})` : null],
              ['Cluster', cluster !== undefined ? `${cluster.name}: ${cluster.description}` : null],
            ]} />
            {p !== null ? <p class="muted">Segments: {p.segments.map((s) => <span class="badge" key={s.id}>{s.name}</span>)}</p> : null}
            {p?.computedAt === null || p === null ? <p class="muted">No computed profile (never run, or the user refused analytics).</p>
              : <p class="muted">Computed {when(p.computedAt)}, as of {when(p.asOf)}.</p>}
          </Card>
          {p !== null ? (
            <>
              <Card title="Value">
                <Facts rows={[
                  ['P(alive)', pct(p.value.pAlive)], ['Churn risk', pct(p.value.churnRisk)],
                  ['Expected purchases (90 d)', num(p.value.expectedPurchases90d)], ['Expected order value', money(p.value.expectedAverageValue)],
                  ['CLV (365 d)', money(p.value.clv)], ['Spend so far', money(p.behaviour.monetary)],
                ]} />
              </Card>
              <Card title="Behaviour">
                <Facts rows={[
                  ['Views', p.behaviour.views], ['Carts', p.behaviour.carts], ['Purchases', p.behaviour.purchases], ['Cancels', p.behaviour.cancels],
                  ['Sessions', p.behaviour.sessions], ['Mean session', p.behaviour.meanSessionMinutes !== null ? `${num(p.behaviour.meanSessionMinutes, 1)} min` : null],
                  ['View → cart', pct(p.behaviour.viewToCartRate)], ['Cart → purchase', pct(p.behaviour.cartToPurchaseRate)],
                  ['Days since last purchase', num(p.behaviour.recencyDays, 1)], ['Days since last activity', num(p.behaviour.daysSinceLastActivity, 1)],
                  ['Favourite hour (UTC)', p.behaviour.favouriteHour], ['Favourite weekday', p.behaviour.favouriteWeekday !== null ? WEEKDAYS[p.behaviour.favouriteWeekday] : null],
                  ['Weekend share', pct(p.behaviour.weekendShare)], ['Influence (PageRank, 1 = average)', num(p.social.influence)],
                ]} />
              </Card>
              <Card title="Interests">
                {p.interest.categories.length === 0 ? <p class="muted">No interests yet.</p> : (
                  <Chart label={`Top categories of ${userId}: ${p.interest.categories.map((c) => `${c.category.name ?? c.category.id} ${pct(c.score, 0)}`).join(', ')}`}
                    height={200} option={{
                      grid: { left: 110, right: 20, top: 10, bottom: 25 },
                      xAxis: { type: 'value', max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
                      yAxis: { type: 'category', inverse: true, data: p.interest.categories.map((c) => c.category.name ?? c.category.id) },
                      tooltip: {},
                      series: [{ type: 'bar', data: p.interest.categories.map((c) => c.score), itemStyle: { color: '#0b5cad' } }],
                    }} />
                )}
                {p.interest.tags.length > 0 ? <p class="muted">Tags: {p.interest.tags.map((t) => `${t.tag.name ?? t.tag.id} (${pct(t.score, 0)})`).join(', ')}</p> : null}
              </Card>
            </>
          ) : null}
        </>
      );
    }}</Await>
  );
}
