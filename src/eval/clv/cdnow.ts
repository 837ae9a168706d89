// Reader for the CDNOW purchase logs of Fader & Hardie (as shipped with the lifetimes package), and the
// calibration/holdout split of the BG/NBD paper. Two layouts, told apart by the number of fields:
//   CDNOW_sample.txt: `customer_id sample_id YYYYMMDD number_of_cds dollar_value`, no header;
//   CDNOW_master.txt: a header line, then `customer_id YYYYMMDD number_of_cds dollar_value`.
import { readFileSync } from 'node:fs';
import { invalidInput } from '../../domain/errors.ts';
import type { Transaction } from '../../algorithms/clv/customer-summary.ts';

export interface CdnowLine extends Transaction {
  readonly customerId: string;
  /** Number of CDs bought in the line (not used by the models, kept for completeness). */
  readonly units: number;
}

/** End of the paper's calibration period (39 weeks after 1 January 1997), inclusive. */
export const CDNOW_CALIBRATION_END = Date.UTC(1997, 8, 30);
/** End of the 39-week holdout period, inclusive. */
export const CDNOW_HOLDOUT_END = Date.UTC(1998, 5, 30);

/** YYYYMMDD -> epoch ms of that day's UTC midnight. */
export function parseYyyymmdd(text: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!m) throw invalidInput('CDNOW date must be YYYYMMDD', { text });
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ts = Date.UTC(year, month - 1, day);
  const back = new Date(ts);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    throw invalidInput('CDNOW date does not exist', { text });
  }
  return ts;
}

/** Parse CDNOW text (either layout) into purchase lines, in file order. */
export function parseCdnow(text: string): CdnowLine[] {
  const lines: CdnowLine[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const fields = raw.trim().split(/\s+/);
    if (fields.length === 1 && fields[0] === '') return;
    if (index === 0 && !/^\d+$/.test(fields[0] ?? '')) return; // master file header
    if (fields.length !== 4 && fields.length !== 5) throw invalidInput('CDNOW line needs 4 or 5 fields', { line: index + 1, raw });
    const [id, date, units, value] = fields.length === 5 ? [fields[0], fields[2], fields[3], fields[4]] : fields;
    const parsed = { units: Number(units), value: Number(value) };
    if (!Number.isFinite(parsed.units) || !Number.isFinite(parsed.value)) throw invalidInput('CDNOW line has a non-numeric amount', { line: index + 1, raw });
    lines.push({ customerId: id ?? '', ts: parseYyyymmdd(date ?? ''), units: parsed.units, value: parsed.value });
  });
  return lines;
}

export function readCdnow(path: string): CdnowLine[] {
  return parseCdnow(readFileSync(path, 'utf8'));
}

/** Lines grouped by customer, customers in first-seen order. */
export function byCustomer(lines: readonly CdnowLine[]): Map<string, CdnowLine[]> {
  const out = new Map<string, CdnowLine[]>();
  for (const line of lines) {
    const list = out.get(line.customerId);
    if (list) list.push(line);
    else out.set(line.customerId, [line]);
  }
  return out;
}
