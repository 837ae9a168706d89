import { invalidInput } from './errors.ts';

// The one rule for what text may be an id (users, items, events, categories, tags), shared by the live
// path, the recommendation arguments and batch ingestion. Ids are compared byte for byte, so invisible
// characters make lookalikes of real ids ("u1" and "u1\u200B" render the same and would be two users):
// control characters (Cc: NUL, C0, DEL, C1), format characters (Cf: zero-width space/joiners U+200B..U+200D,
// BOM U+FEFF, bidi embeddings/overrides U+202A..U+202E and isolates U+2066..U+2069, soft hyphen, ...),
// unpaired surrogates (Cs) and the line/paragraph separators U+2028/U+2029.

export const MAX_ID_LENGTH = 200;

const FORBIDDEN = /[\p{Cc}\p{Cf}\p{Cs}\u2028\u2029]/u;

/** Why `raw` cannot be an id (checked before trimming, so a trailing BOM is not silently cut), or undefined. */
export function idTextProblem(raw: string): string | undefined {
  const bad = FORBIDDEN.exec(raw);
  if (bad !== null) {
    const cp = bad[0].codePointAt(0) ?? 0;
    return `contains the invisible or control character U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  if (raw.trim().length > MAX_ID_LENGTH) return `is longer than ${MAX_ID_LENGTH} characters`;
  return undefined;
}

/** The trimmed id, or INVALID_INPUT naming the field (empty, too long, or holding invisible characters). */
export function requireId(field: string, raw: string): string {
  const problem = idTextProblem(raw);
  if (problem !== undefined) throw invalidInput(`${field} ${problem}`, { field });
  const id = raw.trim();
  if (id.length === 0) throw invalidInput(`${field} must not be empty`, { field });
  return id;
}
