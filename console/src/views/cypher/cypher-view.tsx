import type { Viewer } from '../../app.tsx';

export function CypherView(_: { viewer?: Viewer; itemId?: string | null }) {
  return <section><h1>cypher</h1><p>Not built yet.</p></section>;
}
