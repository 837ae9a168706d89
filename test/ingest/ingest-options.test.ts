import { describe, expect, it } from 'vitest';
import type { DataSource } from '../../src/domain/ingest.ts';
import type { GraphWriter } from '../../src/storage/graph-writer.ts';
import { ingestSource } from '../../src/usecases/ingest/ingest-source.ts';

const empty: DataSource = { name: 'empty', async *rows() {} };
const writer = {} as GraphWriter; // never reached: options are checked before reading

describe('ingestSource options', () => {
  it.each([0, -5, 2.5, Number.NaN])('rejects batch size %s with a coded error naming the field', async (batchSize) => {
    await expect(ingestSource(empty, writer, { batchSize })).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { field: 'batchSize' } });
  });
});
