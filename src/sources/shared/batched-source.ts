import type { DataSource, SourceRow } from '../../domain/ingest.ts';
import { flattenBatches } from './flatten-batches.ts';

/**
 * A DataSource that also exposes its rows in batches. Every source here generates or parses rows in
 * batches anyway; a writer that writes in bulk (UNWIND) can take them as they are and skip one await
 * per row, which costs more than generating a demo event (measured: ~0.3 µs per event to generate,
 * ~0.5 µs per row to hand over through `rows()`).
 */
export interface BatchedDataSource extends DataSource {
  /** Exactly the rows of `rows()`, in the same order, grouped in non-empty batches. */
  batches(): AsyncIterable<readonly SourceRow[]>;
}

type BatchIterator = Iterator<readonly SourceRow[]> | AsyncIterator<readonly SourceRow[]>;

export function batchedSource(name: string, estimatedRows: number | undefined, open: () => BatchIterator): BatchedDataSource {
  const source = {
    name,
    rows: () => flattenBatches(open),
    batches: () => nonEmpty(open),
  };
  return estimatedRows === undefined ? source : { ...source, estimatedRows };
}

async function* nonEmpty(open: () => BatchIterator): AsyncGenerator<readonly SourceRow[]> {
  const iterator = open();
  try {
    for (;;) {
      const next = await iterator.next();
      if (next.done === true) return;
      if (next.value.length > 0) yield next.value;
    }
  } finally {
    await iterator.return?.();
  }
}
