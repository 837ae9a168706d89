import { randomUUID } from 'node:crypto';

// Accepted incoming ids: what tracing systems and proxies send (UUIDs, W3C trace ids, ULIDs, `abc-123.4`),
// bounded in length so a client cannot bloat every log line; anything else is replaced.
const SANE = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/** The id of one request: the caller's `x-request-id` when it is sane, a fresh UUID otherwise. */
export function requestId(incoming: string | null | undefined): string {
  return incoming !== null && incoming !== undefined && SANE.test(incoming) ? incoming : randomUUID();
}
