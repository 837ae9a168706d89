import { AsyncLocalStorage } from 'node:async_hooks';

// The id of the request being handled, for log lines written deep inside it (the masked-error line is
// written by yoga's error mask, which knows nothing of the request): the logger's mixin adds it.
const current = new AsyncLocalStorage<string>();

export function withRequestId<T>(id: string, work: () => T): T {
  return current.run(id, work);
}

export function currentRequestId(): string | undefined {
  return current.getStore();
}
