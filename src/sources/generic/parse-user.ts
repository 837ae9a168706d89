import type { User } from '../../domain/entities.ts';
import { asUserId } from '../../domain/ids.ts';
import type { SourceRow } from '../../domain/ingest.ts';
import { isRejected } from '../shared/rejection.ts';
import type { Draft, RowFields } from './row-fields.ts';

/** users: id (required), name, age (0-150), gender, location, consent (yes/no). */
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
  const consent = f.boolean('consent');
  if (isRejected(consent)) return consent;
  if (consent !== undefined) user.consent = consent;
  return { kind: 'user', user };
}
