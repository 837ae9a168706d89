import type { ConsentFlags, Purpose } from '../../domain/consent.ts';
import type { User } from '../../domain/entities.ts';
import { asUserId } from '../../domain/ids.ts';
import type { SourceRow } from '../../domain/ingest.ts';
import { isRejected } from '../shared/rejection.ts';
import type { GenericColumn } from './generic-columns.ts';
import type { Draft, RowFields } from './row-fields.ts';

const CONSENT_COLUMNS = [
  ['personalisation', 'consentPersonalisation'],
  ['social', 'consentSocial'],
  ['analytics', 'consentAnalytics'],
  ['marketing', 'consentMarketing'],
] as const satisfies readonly (readonly [Purpose, GenericColumn<'users'>])[];

/**
 * users: id (required), name, age (0-150), gender, location, consentPersonalisation, consentSocial,
 * consentAnalytics, consentMarketing (yes/no each), and the older `consent` (= consentSocial; the specific column wins).
 */
export function parseUserRow(f: RowFields<'users'>): SourceRow {
  const id = f.id('id', 'missing_id');
  if (isRejected(id)) return id;
  const user: Draft<User> = { id: asUserId(id) };
  for (const column of ['name', 'gender', 'location'] as const) {
    const v = f.text(column);
    if (isRejected(v)) return v;
    if (v !== undefined) user[column] = v;
  }
  const age = f.number('age');
  if (isRejected(age)) return age;
  if (age !== undefined) {
    if (!Number.isInteger(age) || age < 0 || age > 150) return f.reject('bad_number', `${f.column('age')} ${age} is not an age (0-150)`, 'age');
    user.age = age;
  }
  // `consent` is the format's older single flag, which only ever meant social features.
  const legacy = f.boolean('consent');
  if (isRejected(legacy)) return legacy;
  const consent: Draft<ConsentFlags> = {};
  if (legacy !== undefined) consent.social = legacy;
  for (const [purpose, column] of CONSENT_COLUMNS) {
    const v = f.boolean(column);
    if (isRejected(v)) return v;
    if (v !== undefined) consent[purpose] = v;
  }
  if (Object.keys(consent).length > 0) user.consent = consent;
  return { kind: 'user', user };
}
