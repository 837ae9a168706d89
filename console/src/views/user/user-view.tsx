import { useState } from 'preact/hooks';
import { useGql } from '../../api/use-gql.ts';
import { money, num, pct } from '../../lib/format.ts';
import { href } from '../../lib/routes.ts';
import { Await, Card } from '../parts.tsx';
import { JourneyCard } from './journey-card.tsx';
import { NeighbourhoodCard } from './neighbourhood-card.tsx';
import { ProfileCards } from './profile-cards.tsx';
import { TOP_CUSTOMERS, type TopCustomersData } from './queries.ts';
import { RecommendationsCard } from './recommendations-card.tsx';

/** Who is this customer, what should we show them and why: profile, journey, recommendations, ties. */
export function UserView({ userId }: { userId: string | null }) {
  return (
    <section>
      <h1>User 360{userId !== null ? `: ${userId}` : ''}</h1>
      <UserPicker current={userId} />
      {userId === null ? <TopCustomers /> : (
        <div class="grid" key={userId}>
          <ProfileCards userId={userId} />
          <RecommendationsCard userId={userId} />
          <JourneyCard userId={userId} />
          <NeighbourhoodCard userId={userId} />
        </div>
      )}
    </section>
  );
}

function UserPicker({ current }: { current: string | null }) {
  const [id, setId] = useState(current ?? '');
  return (
    <form class="inline-form" role="search" onSubmit={(e) => { e.preventDefault(); if (id.trim() !== '') location.hash = href('user', id.trim()); }}>
      <div class="field">
        <label for="user-id">User id</label>
        <input id="user-id" value={id} onInput={(e) => setId(e.currentTarget.value)} placeholder="u1" />
      </div>
      <button type="submit">Open</button>
    </form>
  );
}

function TopCustomers() {
  const loaded = useGql<TopCustomersData>(TOP_CUSTOMERS, {}, 'top');
  return (
    <Card title="Customers by lifetime value" wide>
      <Await loaded={loaded}>{(d) => d.customers.edges.length === 0
        ? <ul>{d.users.edges.map(({ node }) => <li key={node.id}><a href={href('user', node.id)}>{node.name ?? node.id}</a> ({node.id})</li>)}</ul>
        : (
          <div class="table-wrap"><table>
            <thead><tr><th>User</th><th class="num">CLV</th><th class="num">P(alive)</th><th>RFM segment</th></tr></thead>
            <tbody>{d.customers.edges.map(({ node }) => (
              <tr key={node.userId}><td><a href={href('user', node.userId)}>{node.userId}</a></td><td class="num">{money(node.value.clv)}</td>
                <td class="num">{pct(node.value.pAlive)}</td><td>{node.value.rfm?.segment ?? '–'}</td></tr>
            ))}</tbody>
          </table></div>
        )}</Await>
      <p class="muted">{num(10)} shown; open any user by id above.</p>
    </Card>
  );
}
