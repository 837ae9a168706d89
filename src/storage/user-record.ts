import { CONSENT_PROPERTY, PURPOSES, type ConsentFlags } from '../domain/consent.ts';
import type { User } from '../domain/entities.ts';

/**
 * A User from a map projection of the node (`u {.id, .name, ..., .consentSocial, ...}`): absent properties
 * come back as null and are dropped; the per-purpose consent properties become `consent`.
 */
export function userFromRow(o: Record<string, unknown>): User {
  const out: Record<string, unknown> = {};
  const consent: { -readonly [K in keyof ConsentFlags]: ConsentFlags[K] } = {};
  const consentProps = new Set(Object.values(CONSENT_PROPERTY));
  for (const [k, v] of Object.entries(o)) if (v !== null && !consentProps.has(k)) out[k] = v;
  for (const purpose of PURPOSES) {
    const v = o[CONSENT_PROPERTY[purpose]];
    if (typeof v === 'boolean') consent[purpose] = v;
  }
  if (Object.keys(consent).length > 0) out['consent'] = consent;
  return out as unknown as User;
}
