import type { Viewer } from '../app.tsx';
import type { ViewId } from '../lib/access.ts';
import { BehaviourView } from './behaviour/behaviour-view.tsx';
import { CatalogueView } from './catalogue/catalogue-view.tsx';
import { CypherView } from './cypher/cypher-view.tsx';
import { ExperimentsView } from './experiments/experiments-view.tsx';
import { SegmentsView } from './segments/segments-view.tsx';
import { UserView } from './user/user-view.tsx';

export function ViewFor({ view, arg, viewer }: { view: ViewId; arg: string | null; viewer: Viewer }) {
  switch (view) {
    case 'user': return <UserView userId={arg} />;
    case 'behaviour': return <BehaviourView />;
    case 'experiments': return <ExperimentsView viewer={viewer} />;
    case 'segments': return <SegmentsView viewer={viewer} />;
    case 'cypher': return <CypherView />;
    case 'catalogue': return <CatalogueView itemId={arg} />;
  }
}
