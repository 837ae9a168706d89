import type { Viewer } from '../../app.tsx';

export function CatalogueView(_: { viewer?: Viewer; itemId?: string | null }) {
  return <section><h1>catalogue</h1><p>Not built yet.</p></section>;
}
