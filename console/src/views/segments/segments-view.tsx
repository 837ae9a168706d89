import type { Viewer } from '../../app.tsx';

export function SegmentsView(_: { viewer?: Viewer; itemId?: string | null }) {
  return <section><h1>segments</h1><p>Not built yet.</p></section>;
}
