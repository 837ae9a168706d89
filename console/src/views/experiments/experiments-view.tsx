import type { Viewer } from '../../app.tsx';

export function ExperimentsView(_: { viewer?: Viewer; itemId?: string | null }) {
  return <section><h1>experiments</h1><p>Not built yet.</p></section>;
}
