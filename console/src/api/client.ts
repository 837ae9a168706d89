import { storedToken } from './session.ts';
import { credentialHeaders } from '../lib/credentials.ts';

/** A GraphQL error as the API codes it (extensions.code: INVALID_INPUT, FORBIDDEN, ...). */
export class ApiError extends Error {
  constructor(message: string, readonly code: string, readonly field?: string) {
    super(message);
  }
}

interface Body<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; field?: string } }[];
}

/**
 * One GraphQL request to the same server's /graphql with the signed-in credential. The first error is thrown
 * as an ApiError carrying its code, so views can say "forbidden for your role" rather than a stack.
 */
export async function gql<T>(query: string, variables: Record<string, unknown> = {}, token = storedToken()): Promise<T> {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...credentialHeaders(token) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json().catch(() => ({}))) as Body<T>;
  const first = body.errors?.[0];
  if (first !== undefined) throw new ApiError(first.message, first.extensions?.code ?? `HTTP_${res.status}`, first.extensions?.field);
  if (body.data === undefined || body.data === null) throw new ApiError(`HTTP ${res.status}`, `HTTP_${res.status}`);
  return body.data;
}
