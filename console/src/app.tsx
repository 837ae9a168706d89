import { useEffect, useState } from 'preact/hooks';
import { gql } from './api/client.ts';
import { forgetToken, storedToken, storeToken } from './api/session.ts';
import { asApiError } from './api/use-gql.ts';
import { VIEW_TITLES, viewsFor, type ConsoleRole, type ViewId } from './lib/access.ts';
import { href } from './lib/routes.ts';
import { useRoute } from './route.ts';
import { Login } from './views/login.tsx';
import { ViewFor } from './views/view-for.tsx';

export interface Viewer {
  readonly role: ConsoleRole;
  readonly userId: string | null;
}

type Session = { state: 'checking' } | { state: 'out'; message?: string } | { state: 'in'; viewer: Viewer };

/** Asks the API who the stored credential is; a refused credential signs out with the API's reason. */
async function whoAmI(token: string): Promise<Viewer> {
  return (await gql<{ viewer: Viewer }>('{ viewer { role userId } }', {}, token)).viewer;
}

export function App() {
  const [session, setSession] = useState<Session>(() => (storedToken() === null ? { state: 'out' } : { state: 'checking' }));
  useEffect(() => {
    const token = storedToken();
    if (session.state !== 'checking' || token === null) return;
    whoAmI(token)
      .then((viewer) => setSession({ state: 'in', viewer }))
      .catch((err: unknown) => {
        forgetToken();
        const e = asApiError(err);
        setSession({ state: 'out', message: `${e.code}: ${e.message}` });
      });
  }, [session.state]);

  if (session.state === 'checking') return <p class="centered" role="status">Checking your token…</p>;
  if (session.state === 'out') {
    return (
      <Login
        {...(session.message !== undefined ? { message: session.message } : {})}
        onToken={async (token) => {
          const viewer = await whoAmI(token);
          storeToken(token);
          setSession({ state: 'in', viewer });
        }}
      />
    );
  }
  return <Shell viewer={session.viewer} onSignOut={() => { forgetToken(); setSession({ state: 'out' }); }} />;
}

function Shell({ viewer, onSignOut }: { viewer: Viewer; onSignOut: () => void }) {
  const route = useRoute();
  const views = viewsFor(viewer.role);
  const current: ViewId | null = route.view !== null && views.includes(route.view) ? route.view : (views[0] ?? null);
  return (
    <div class="shell">
      <a class="skip" href="#main">Skip to content</a>
      <header class="topbar">
        <span class="brand">grec console</span>
        <span class="who" data-testid="role">
          Signed in as <strong>{viewer.role}</strong>
          {viewer.role === 'analyst' ? ' (read-only)' : ''}
        </span>
        <button type="button" class="link" onClick={onSignOut}>Sign out</button>
      </header>
      <nav class="nav" aria-label="Views">
        <ul>
          {views.map((v) => (
            <li key={v}>
              <a href={href(v)} aria-current={v === current ? 'page' : undefined}>{VIEW_TITLES[v]}</a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>
        {current === null
          ? <NoViews role={viewer.role} />
          : <ViewFor view={current} arg={route.view === current ? route.arg : null} viewer={viewer} />}
      </main>
    </div>
  );
}

function NoViews({ role }: { role: ConsoleRole }) {
  return (
    <section>
      <h1>Nothing to show for the {role} role</h1>
      <p>The console's views read population data: sign in with an analyst token (read-only) or an admin token.</p>
    </section>
  );
}
