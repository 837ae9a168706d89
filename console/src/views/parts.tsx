import type { ComponentChildren } from 'preact';
import type { Loaded } from '../api/use-gql.ts';

/** Loading and error states of a query, said in words (role="status" / "alert" for screen readers). */
export function Await<T>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => ComponentChildren }) {
  if (loaded.state === 'loading') return <p role="status" class="muted">Loading…</p>;
  if (loaded.state === 'error') return <ErrorNote code={loaded.error.code} message={loaded.error.message} />;
  return <>{children(loaded.data)}</>;
}

export function ErrorNote({ code, message }: { code: string; message: string }) {
  return <p class="error" role="alert"><strong>{code}</strong> {message}</p>;
}

export function Card({ title, children, wide }: { title: string; children: ComponentChildren; wide?: boolean }) {
  return (
    <section class={wide === true ? 'card wide' : 'card'} aria-label={title}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

/** A definition list of label -> value, with a dash for missing values (never a misleading 0). */
export function Facts({ rows }: { rows: readonly (readonly [string, ComponentChildren])[] }) {
  return (
    <dl class="facts">
      {rows.map(([k, v]) => (
        <div key={k}><dt>{k}</dt><dd>{v === null || v === undefined || v === '' ? '–' : v}</dd></div>
      ))}
    </dl>
  );
}
