import type { Readable } from 'node:stream';

const HIGH_WATER = 4096;

/**
 * Async-iterates a stream's chunks and, unlike `for await (... of stream)`, hands out every chunk that
 * was produced before the stream failed, then throws the error. A parser that hits a fatal syntax error
 * has usually buffered good records first; a rejection report must not lose them.
 */
export async function* drainStream(stream: Readable): AsyncGenerator<unknown> {
  let queue: unknown[] = [];
  let failure: { readonly error: unknown } | undefined;
  let ended = false;
  let wake: (() => void) | undefined;
  const notify = (): void => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  stream.on('data', (chunk: unknown) => {
    queue.push(chunk);
    if (queue.length >= HIGH_WATER) stream.pause();
    notify();
  });
  stream.on('error', (error: unknown) => {
    failure = { error };
    notify();
  });
  stream.on('end', () => {
    ended = true;
    notify();
  });
  stream.on('close', () => {
    ended = true;
    notify();
  });
  try {
    for (;;) {
      if (queue.length > 0) {
        // Swap the batch out so the producer can refill while we yield (shift() would be O(n) per item).
        const batch = queue;
        queue = [];
        stream.resume();
        for (const chunk of batch) yield chunk;
        continue;
      }
      if (failure !== undefined) throw failure.error;
      if (ended) return;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  } finally {
    // Stop reading the file when the consumer breaks out early.
    if (!ended) stream.destroy();
  }
}
