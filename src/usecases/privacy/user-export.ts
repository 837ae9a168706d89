// The portability document (GDPR art. 20) built from what export-user.cypher read: every stored property of
// the user (the GRAPH model's stored vector and the customer profile apart, under `derived`), the consent as recorded and as it
// applies, every event (with its attribution to a recommendation page), the aggregated interactions, friends,
// follows and followers, and the impressions of the user's pages. Values are as stored (times in epoch
// milliseconds); absent optional values are left out rather than null.
import { CONSENT_PROPERTY, PURPOSES, effectiveConsent, type Consent, type ConsentFlags } from '../../domain/consent.ts';
import type { StoredUserData } from '../../storage/privacy-store.ts';
import { PROFILE_PROPERTIES } from '../../domain/profile.ts';

export const EXPORT_FORMAT = 'grec-user-export/1';

export interface UserExport {
  readonly format: typeof EXPORT_FORMAT;
  readonly exportedAt: number;
  /** Every stored attribute (id, name, age, gender, location, createdAt, ...). */
  readonly user: Readonly<Record<string, unknown>>;
  readonly consent: Consent & { readonly recorded: ConsentFlags };
  readonly events: readonly Readonly<Record<string, unknown>>[];
  readonly interactions: readonly Readonly<Record<string, unknown>>[];
  readonly friends: readonly Readonly<Record<string, unknown>>[];
  readonly follows: readonly Readonly<Record<string, unknown>>[];
  readonly followers: readonly Readonly<Record<string, unknown>>[];
  /** Pages reported rendered to the user: recId, surface, servedAt, at, strategy, experiment, variant, campaign, offset, itemIds, positions. */
  readonly impressions: readonly Readonly<Record<string, unknown>>[];
  /**
   * Computed by the product, not given by the user: the GRAPH model's vector as last stored, and the customer
   * profile (behaviour counters, features, churn and value scores, RFM segment) as stored.
   */
  readonly derived: { readonly embedding: readonly number[] | null; readonly profile: Readonly<Record<string, unknown>> };
}

export function buildUserExport(data: StoredUserData, defaults: Consent, exportedAt: number): UserExport {
  const consentProps = new Set(Object.values(CONSENT_PROPERTY));
  const profileProps = new Set(PROFILE_PROPERTIES);
  const user: Record<string, unknown> = {};
  const profile: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data.properties)) {
    if (k === 'embedding' || consentProps.has(k) || v === null) continue;
    if (profileProps.has(k)) profile[k] = v;
    else user[k] = v;
  }
  const recorded: { -readonly [K in keyof ConsentFlags]: ConsentFlags[K] } = {};
  for (const p of PURPOSES) {
    const v = data.properties[CONSENT_PROPERTY[p]];
    if (typeof v === 'boolean') recorded[p] = v;
  }
  const embedding = data.properties['embedding'];
  return {
    format: EXPORT_FORMAT,
    exportedAt,
    user,
    consent: { ...effectiveConsent(recorded, defaults), recorded },
    events: data.events.map(withoutNulls),
    interactions: data.interactions.map(withoutNulls),
    friends: data.friends.map(withoutNulls),
    follows: data.follows.map(withoutNulls),
    followers: data.followers.map(withoutNulls),
    impressions: data.impressions.map(withoutNulls),
    derived: { embedding: Array.isArray(embedding) ? embedding.map(Number) : null, profile },
  };
}

/** Drops null and undefined values, also inside nested maps (an event's attribution); lists are kept as they are. */
function withoutNulls(o: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === null || v === undefined) continue;
    out[k] = typeof v === 'object' && !Array.isArray(v) ? withoutNulls(v as Record<string, unknown>) : v;
  }
  return out;
}
