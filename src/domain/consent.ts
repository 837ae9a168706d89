// Consent per purpose (GDPR art. 6(1)(a): one consent per purpose, each withdrawable on its own):
//   personalisation  the user's own recommendations may be computed from their history and ties
//   social           the user may be shown to others (named in reasons, suggested as a person) and used as
//                    a friend signal (SOCIAL, the GRAPH friend term, mutual friends)
//   analytics        the user may be counted in population analytics (chains, funnels, conversion, segments)
//   marketing        the user may be sent or shown campaign offers (nextBestOffer, campaignAudience)
// Stored on the User node as four optional booleans; a missing flag takes the configured default
// (GREC_CONSENT_DEFAULT), applied at read time so changing the default needs no data migration.
export const PURPOSES = ['personalisation', 'social', 'analytics', 'marketing'] as const;
export type Purpose = (typeof PURPOSES)[number];

/** Flags as stored: a purpose without a recorded choice is absent. */
export type ConsentFlags = Partial<Readonly<Record<Purpose, boolean>>>;

/** Effective consent: every purpose decided (stored choice, else the default). */
export type Consent = Readonly<Record<Purpose, boolean>>;

/** The User property holding each purpose's flag (also the Cypher files' property names). */
export const CONSENT_PROPERTY: Readonly<Record<Purpose, string>> = {
  personalisation: 'consentPersonalisation',
  social: 'consentSocial',
  analytics: 'consentAnalytics',
  marketing: 'consentMarketing',
};

export const ALL_GRANTED: Consent = { personalisation: true, social: true, analytics: true, marketing: true };

export function effectiveConsent(flags: ConsentFlags | undefined, defaults: Consent): Consent {
  return {
    personalisation: flags?.personalisation ?? defaults.personalisation,
    social: flags?.social ?? defaults.social,
    analytics: flags?.analytics ?? defaults.analytics,
    marketing: flags?.marketing ?? defaults.marketing,
  };
}
