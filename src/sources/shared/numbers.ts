// Strict number parsing: `Number('')` is 0 and `Number('0x1f')` is 31, so plain Number() would accept
// garbage silently. Source files get exactly these shapes and nothing else.
const NON_NEGATIVE_INTEGER = /^\d+$/;
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A non-negative decimal integer within the safe range, or undefined. */
export function parseNonNegativeInt(raw: string): number | undefined {
  if (!NON_NEGATIVE_INTEGER.test(raw)) return undefined;
  const n = Number(raw);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** A finite decimal number (sign, fraction and exponent allowed), or undefined. */
export function parseDecimal(raw: string): number | undefined {
  const s = raw.trim();
  if (!DECIMAL.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

/** True when the text holds U+FFFD, which a lenient UTF-8 decoder puts in place of invalid bytes. */
export const hasReplacementChar = (s: string): boolean => s.includes('\uFFFD');
