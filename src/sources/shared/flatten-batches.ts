/**
 * Presents a (sync or async) stream of batches as an async stream of items; items must not be undefined. A hand-written iterator that
 * returns already-resolved promises while a batch lasts costs about a third less per item than an
 * async generator's `yield*`, which matters at millions of rows.
 */
export function flattenBatches<T>(open: () => AsyncIterator<readonly T[]> | Iterator<readonly T[]>): AsyncIterable<T> {
  return {
    [Symbol.asyncIterator](): AsyncIterator<T> {
      const source = open();
      let batch: readonly T[] = [];
      let index = 0;
      const refill = async (): Promise<IteratorResult<T, undefined>> => {
        for (;;) {
          const next = await source.next();
          if (next.done === true) return { done: true, value: undefined };
          batch = next.value;
          index = 0;
          const first = batch[index++];
          if (first !== undefined) return { done: false, value: first };
        }
      };
      return {
        next(): Promise<IteratorResult<T, undefined>> {
          const item = batch[index];
          if (item === undefined) return refill();
          index++;
          return Promise.resolve({ done: false, value: item });
        },
        async return(): Promise<IteratorResult<T, undefined>> {
          await source.return?.();
          return { done: true, value: undefined };
        },
      };
    },
  };
}
