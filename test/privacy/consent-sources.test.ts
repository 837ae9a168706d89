// Consent on the way in: the generic format's per-purpose columns (and the older `consent` alias of
// consentSocial), and the demo shop's refusals.
import { describe, expect, it } from 'vitest';
import type { User } from '../../src/domain/entities.ts';
import { createDemoSource, demoPreset } from '../../src/sources/demo/demo-source.ts';
import { parseUserRow } from '../../src/sources/generic/parse-user.ts';
import { RowFields } from '../../src/sources/generic/row-fields.ts';

const parse = (values: Record<string, unknown>) => parseUserRow(new RowFields('users.csv', { kind: 'row', line: 2, values }, 'users', {}));

describe('generic users: consent columns', () => {
  it('reads each purpose; absent columns stay undecided', () => {
    expect(parse({ id: 'u1', consentPersonalisation: 'yes', consentAnalytics: 'n' })).toEqual({
      kind: 'user', user: { id: 'u1', consent: { personalisation: true, analytics: false } },
    });
    expect(parse({ id: 'u2' })).toEqual({ kind: 'user', user: { id: 'u2' } });
    expect(parse({ id: 'u3', consentMarketing: 'no' })).toEqual({ kind: 'user', user: { id: 'u3', consent: { marketing: false } } });
  });

  it('the older `consent` column means social features; consentSocial wins when both are given', () => {
    expect(parse({ id: 'u1', consent: 'false' })).toEqual({ kind: 'user', user: { id: 'u1', consent: { social: false } } });
    expect(parse({ id: 'u1', consent: 'false', consentSocial: true })).toEqual({ kind: 'user', user: { id: 'u1', consent: { social: true } } });
  });

  it('a bad value in any consent column rejects the row naming that column', () => {
    expect(parse({ id: 'u1', consentAnalytics: 'perhaps' })).toMatchObject({
      kind: 'rejected', rejection: { reason: 'malformed_row', field: 'consentAnalytics', line: 2 },
    });
  });
});

describe('demo shop consent', () => {
  it('records every purpose for every user, with some refusals of each', async () => {
    const users: User[] = [];
    for await (const row of createDemoSource(demoPreset('small')).rows()) if (row.kind === 'user') users.push(row.user);
    expect(users).toHaveLength(500);
    const refused = (p: 'personalisation' | 'social' | 'analytics') => users.filter((u) => u.consent?.[p] === false).length;
    for (const u of users) expect(Object.keys(u.consent ?? {}).sort()).toEqual(['analytics', 'personalisation', 'social']);
    // ~20 % social (the older single flag's rate, same draws), ~5 % personalisation and analytics: seed 42 gives
    expect({ social: refused('social'), personalisation: refused('personalisation'), analytics: refused('analytics') })
      .toEqual({ social: 102, personalisation: 27, analytics: 22 });
  });
});
