import { useEffect, useState } from 'preact/hooks';
import { ApiError, gql } from './client.ts';

export type Loaded<T> = { state: 'loading' } | { state: 'error'; error: ApiError } | { state: 'ok'; data: T };

/**
 * Runs a query whenever `key` changes (a string of its inputs); a late answer to an older key is dropped. While
 * a new answer is on its way the previous data stays on screen (forms inside it keep their state).
 */
export function useGql<T>(query: string | null, variables: Record<string, unknown>, key: string): Loaded<T> {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  useEffect(() => {
    if (query === null) return;
    let current = true;
    setLoaded((prev) => (prev.state === 'ok' ? prev : { state: 'loading' }));
    gql<T>(query, variables)
      .then((data) => current && setLoaded({ state: 'ok', data }))
      .catch((err: unknown) => current && setLoaded({ state: 'error', error: asApiError(err) }));
    return () => {
      current = false;
    };
  }, [key]);
  return loaded;
}

export function asApiError(err: unknown): ApiError {
  return err instanceof ApiError ? err : new ApiError(err instanceof Error ? err.message : String(err), 'NETWORK');
}
