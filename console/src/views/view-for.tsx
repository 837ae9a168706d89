import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Viewer } from '../app.tsx';
import type { ViewId } from '../lib/access.ts';

interface ViewProps { readonly arg: string | null; readonly viewer: Viewer }
type View = (props: ViewProps) => JSX.Element;

// Each view is its own chunk, loaded when first opened: the sign-in page and the shell do not wait for
// ECharts or Cytoscape, and the Cypher view never loads the charts.
const LOADERS: Readonly<Record<ViewId, () => Promise<View>>> = {
  user: async () => { const { UserView } = await import('./user/user-view.tsx'); return ({ arg }) => <UserView userId={arg} />; },
  behaviour: async () => { const { BehaviourView } = await import('./behaviour/behaviour-view.tsx'); return () => <BehaviourView />; },
  experiments: async () => { const { ExperimentsView } = await import('./experiments/experiments-view.tsx'); return ({ viewer }) => <ExperimentsView viewer={viewer} />; },
  segments: async () => { const { SegmentsView } = await import('./segments/segments-view.tsx'); return ({ viewer }) => <SegmentsView viewer={viewer} />; },
  cypher: async () => { const { CypherView } = await import('./cypher/cypher-view.tsx'); return () => <CypherView />; },
  catalogue: async () => { const { CatalogueView } = await import('./catalogue/catalogue-view.tsx'); return ({ arg }) => <CatalogueView itemId={arg} />; },
};

export function ViewFor({ view, arg, viewer }: { view: ViewId; arg: string | null; viewer: Viewer }) {
  const [loaded, setLoaded] = useState<{ id: ViewId; View: View } | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    LOADERS[view]()
      .then((View) => { if (live) setLoaded({ id: view, View }); })
      .catch((err: unknown) => { if (live) setFailed(String(err)); });
    return () => { live = false; };
  }, [view]);
  if (failed !== null) return <p class="error" role="alert">Could not load this view: {failed}</p>;
  if (loaded === null || loaded.id !== view) return <p role="status" class="muted">Loading…</p>;
  return <loaded.View arg={arg} viewer={viewer} />;
}
