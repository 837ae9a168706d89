import type { RejectReason, SourceRow } from '../../domain/ingest.ts';

/** Builds a rejected row; `field` is left out (not set to undefined) when unknown, as exactOptionalPropertyTypes requires. */
export function rejected(
  file: string,
  line: number,
  reason: RejectReason,
  message: string,
  field?: string,
): SourceRow {
  const rejection = field === undefined ? { file, line, reason, message } : { file, line, reason, field, message };
  return { kind: 'rejected', rejection };
}
