/** A subject or id as a token may carry it: 1..200 characters, no control or invisible characters. */
export function validId(s: string): string | null {
  // eslint-disable-next-line no-control-regex
  return s.length > 0 && s.length <= 200 && !/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/.test(s) ? s : null;
}
