import { invalidInput } from '../../domain/errors.ts';

/** Input checks for the live path; each failure names the field and the offending value. */
export { requireId } from '../../domain/id-text.ts';

export function optionalNonNegative(field: string, value: number | null | undefined): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (!Number.isFinite(value) || value < 0) throw invalidInput(`${field} must be a non-negative number, got ${value}`, { field, value });
  return value;
}

/** ISO-8601 string or undefined -> epoch ms. */
export function parseInstant(field: string, value: string | null | undefined): number | undefined {
  if (value === null || value === undefined) return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw invalidInput(`${field} is not an ISO-8601 date-time: '${value}'`, { field, value });
  return ms;
}
