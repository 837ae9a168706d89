import { useGql } from '../../api/use-gql.ts';
import { when } from '../../lib/format.ts';
import { Await, Card } from '../parts.tsx';
import { JOURNEY, type JourneyData } from './queries.ts';

const SHOWN = 12;

/** The journey as a timeline of sessions (newest first), each the path of states the Markov chain counts. */
export function JourneyCard({ userId }: { userId: string }) {
  const loaded = useGql<JourneyData>(JOURNEY, { id: userId }, userId);
  return (
    <Card title="Journey">
      <Await loaded={loaded}>{({ journey }) => {
        const sessions = [...journey.sessions].reverse().slice(0, SHOWN);
        return (
          <>
            <p>Current state: <span class={`state ${journey.currentState}`}>{journey.currentState}</span>; {journey.sessions.length} sessions
              {journey.sessions.length > SHOWN ? ` (latest ${SHOWN} shown)` : ''}.</p>
            <ol class="timeline" data-testid="journey">
              {sessions.map((s, i) => {
                const start = s.find((x) => x.at !== null)?.at ?? null;
                return (
                  <li key={i}>
                    <div class="muted">{when(start)}</div>
                    <div class="steps">{s.map((x, j) => <span key={j} class={`state ${x.state}`} title={x.itemId ?? undefined}>{x.state}</span>)}</div>
                  </li>
                );
              })}
            </ol>
          </>
        );
      }}</Await>
    </Card>
  );
}
