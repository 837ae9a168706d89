import { useState } from 'preact/hooks';
import { asApiError } from '../api/use-gql.ts';

/** The token field: the same Bearer tokens (or API keys) the API takes; checked against the API before use. */
export function Login({ message, onToken }: { message?: string; onToken: (token: string) => Promise<void> }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | undefined>(message);
  const [busy, setBusy] = useState(false);
  return (
    <main class="login" id="main">
      <h1>grec console</h1>
      <p>Sign in with a token printed by <code>npm start</code> (analyst: read-only; admin: everything) or an API key.</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setBusy(true);
          setError(undefined);
          onToken(token.trim()).catch((err: unknown) => { const e = asApiError(err); setError(`${e.code}: ${e.message}`); }).finally(() => setBusy(false));
        }}
      >
        <label for="token">Token or API key</label>
        <input id="token" name="token" type="password" autoComplete="off" required value={token}
          onInput={(e) => setToken(e.currentTarget.value)} aria-describedby={error !== undefined ? 'login-error' : undefined} />
        <button type="submit" disabled={busy}>{busy ? 'Checking…' : 'Sign in'}</button>
        {error !== undefined ? <p id="login-error" class="error" role="alert">{error}</p> : null}
      </form>
      <p class="hint">The token stays in this tab only (sessionStorage) and is sent to this server's /graphql.</p>
    </main>
  );
}
