import type { Viewer } from '../../app.tsx';

export function BehaviourView(_: { viewer?: Viewer; itemId?: string | null }) {
  return <section><h1>behaviour</h1><p>Not built yet.</p></section>;
}
