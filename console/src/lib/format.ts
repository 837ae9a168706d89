// Number formatting for people: a missing value is a dash, never 0 (a missing P(alive) is not "dead").
export function pct(x: number | null | undefined, digits = 1): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '–' : `${(x * 100).toFixed(digits)} %`;
}

export function num(x: number | null | undefined, digits = 2): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  return Number.isInteger(x) ? x.toLocaleString('en-GB') : x.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

export function money(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '–' : x.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** "2024-03-02T10:05:00.000Z" -> "2024-03-02 10:05" (UTC, as the API's times are). */
export function when(iso: string | null | undefined): string {
  return iso === null || iso === undefined ? '–' : iso.replace('T', ' ').slice(0, 16);
}

/** Seconds as the largest sensible unit: 95 -> "1.6 min", 7200 -> "2 h". */
export function duration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '–';
  if (seconds < 90) return `${num(seconds, 0)} s`;
  if (seconds < 5400) return `${num(seconds / 60, 1)} min`;
  if (seconds < 172_800) return `${num(seconds / 3600, 1)} h`;
  return `${num(seconds / 86_400, 1)} d`;
}
