import { useEffect, useState } from 'preact/hooks';
import { gql } from '../../api/client.ts';
import { asApiError } from '../../api/use-gql.ts';
import { Network } from '../../graph/network.tsx';
import { neighbourhoodElements, userOfNode, type Neighbourhood } from '../../lib/neighbourhood.ts';
import { href } from '../../lib/routes.ts';
import { Card, ErrorNote } from '../parts.tsx';
import { NEIGHBOURHOOD, type NeighbourhoodData } from './queries.ts';

/** Friends loaded with the centre, so the items they share with it show at once. */
const FRIENDS_AT_START = 8;

async function fetchNeighbourhood(id: string): Promise<Neighbourhood | null> {
  const { user } = await gql<NeighbourhoodData>(NEIGHBOURHOOD, { id });
  if (user === null) return null;
  return {
    user: { id: user.id, name: user.name },
    friends: user.friends.edges.map((e) => e.node),
    following: user.following.edges.map((e) => e.node),
    items: user.interactions.edges.map((e) => e.node.item),
  };
}

/** The social neighbourhood: friends (lines), followed users (dashed arrows), shared items (squares). */
export function NeighbourhoodCard({ userId }: { userId: string }) {
  const [loaded, setLoaded] = useState<ReadonlyMap<string, Neighbourhood>>(new Map());
  const [error, setError] = useState<{ code: string; message: string } | null>(null);
  const [busy, setBusy] = useState(true);

  const expand = async (ids: readonly string[]) => {
    setBusy(true);
    try {
      const got = await Promise.all(ids.map(fetchNeighbourhood));
      setLoaded((prev) => {
        const next = new Map(prev);
        for (const n of got) if (n !== null) next.set(n.user.id, n);
        return next;
      });
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    void (async () => {
      try {
        const centre = await fetchNeighbourhood(userId);
        if (centre === null) return setBusy(false);
        setLoaded(new Map([[userId, centre]]));
        await expand(centre.friends.slice(0, FRIENDS_AT_START).map((f) => f.id));
      } catch (err) {
        setError(asApiError(err));
        setBusy(false);
      }
    })();
  }, [userId]);

  const elements = neighbourhoodElements(userId, loaded);
  const expandable = elements.filter((e) => e.group === 'nodes' && e.classes.includes('expandable'));
  return (
    <Card title="Social neighbourhood" wide>
      {error !== null ? <ErrorNote code={error.code} message={error.message} /> : null}
      <p class="muted" aria-live="polite">
        {busy ? 'Loading…' : `${loaded.size} users expanded, ${elements.filter((e) => e.group === 'nodes').length} nodes. Click a dashed user to expand them; items two or more expanded users touched are shown.`}
      </p>
      <Network elements={elements as never} label={`Social neighbourhood of ${userId}`}
        onTapNode={(id) => { const u = userOfNode(id); if (u !== null && !loaded.has(u)) void expand([u]); }} />
      {expandable.length > 0 ? (
        <details>
          <summary>Expand a user without the mouse ({expandable.length})</summary>
          <ul>{expandable.map((e) => {
            const u = userOfNode(e.data.id) ?? '';
            return <li key={u}><button type="button" class="link" onClick={() => void expand([u])}>Expand {e.data.label}</button> · <a href={href('user', u)}>open</a></li>;
          })}</ul>
        </details>
      ) : null}
    </Card>
  );
}
