import type { RejectReason, SourceRow } from '../../domain/ingest.ts';

export type RejectedRow = Extract<SourceRow, { kind: 'rejected' }>;

/** Builds a rejected row; `field` is left out (not set to undefined) when unknown, as exactOptionalPropertyTypes requires. */
export function rejected(
  file: string,
  line: number,
  reason: RejectReason,
  message: string,
  field?: string,
): RejectedRow {
  const rejection = field === undefined ? { file, line, reason, message } : { file, line, reason, field, message };
  return { kind: 'rejected', rejection };
}

export const isRejected = (x: unknown): x is RejectedRow =>
  typeof x === 'object' && x !== null && (x as { kind?: unknown }).kind === 'rejected';
