/**
 * Timestamp rule of the generic format (documented in GENERIC_FORMAT_DOC):
 * - an integer (JSON number or digits only) is epoch time: below 1e11 it is seconds, otherwise
 *   milliseconds. 1e11 s is the year 5138 and 1e11 ms is March 1973, so real data is never ambiguous;
 * - otherwise ISO-8601 `YYYY-MM-DD[(T| )hh:mm[:ss[.fff]][Z|±hh[:mm]]]`; without a zone it is UTC
 *   (never the server's local time, so a load gives the same result everywhere); a date alone is
 *   midnight UTC. Calendar-impossible dates (2024-02-30) are rejected, not rolled over as Date.parse does.
 * Results before 1970 are rejected.
 */
const SECONDS_BELOW = 1e11;
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/** Epoch milliseconds, or undefined when the value does not follow the rule. */
export function parseTimestamp(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? fromEpoch(value) : undefined;
  if (typeof value !== 'string') return undefined;
  const s = value.trim();
  if (/^\d+$/.test(s)) {
    const n = Number(s);
    return Number.isSafeInteger(n) ? fromEpoch(n) : undefined;
  }
  return parseIso(s);
}

const fromEpoch = (n: number): number => (n < SECONDS_BELOW ? n * 1000 : n);

function parseIso(s: string): number | undefined {
  const m = ISO.exec(s);
  if (m === null) return undefined;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((x) => Number(x ?? 0)) as [
    number, number, number, number, number, number,
  ];
  const fraction = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  if (year < 1970 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const offset = zoneOffsetMinutes(m[8]);
  if (offset === undefined) return undefined;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second, fraction) - offset * 60_000;
  return ms >= 0 ? ms : undefined;
}

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

function zoneOffsetMinutes(zone: string | undefined): number | undefined {
  if (zone === undefined || zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  if (hours > 14 || minutes > 59) return undefined;
  return sign * (hours * 60 + minutes);
}
