// Pseudonymisation: the keyed hash against an independent computation (Python's hmac module), the codec's
// validation, PII handling and the record mapping used by batch loads.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { asCategoryId, asEventId, asItemId, asUserId } from '../../src/domain/ids.ts';
import type { IngestRecord } from '../../src/domain/ingest.ts';
import { pseudonymiseRecord } from '../../src/usecases/privacy/pseudonymise-record.ts';
import { PLAIN_USER_IDS, pseudonym, userIdCodec } from '../../src/usecases/privacy/user-id-codec.ts';
import { erasureIdHash } from '../../src/usecases/privacy/erasure-audit.ts';
import { expectAppError } from '../algorithms/markov/expect-app-error.ts';

const KEY = '0123456789abcdef0123456789abcdef';
// python3 -c "import hmac,hashlib,base64; print(base64.urlsafe_b64encode(hmac.new(K, M, hashlib.sha256).digest()))"
const FOX = '97yD9DBThCSxMpjmqm-xQ-9NWaFJRhdZl0edvC0aPNg';
const CUSTOMER_42 = 'i3ZCToONn_x6mGS_dEec7A';

describe('pseudonym = base64url(HMAC-SHA256(key, id)) truncated', () => {
  it('matches an independent HMAC-SHA256 (the full 43 characters, and the 22-character default)', () => {
    expect(pseudonym('The quick brown fox jumps over the lazy dog', 'key', 43)).toBe(FOX);
    expect(pseudonym('customer-42', KEY, 22)).toBe(CUSTOMER_42);
  });

  it('the erasure audit hash is the same construction with the salt, untruncated', () => {
    expect(erasureIdHash('The quick brown fox jumps over the lazy dog', 'key')).toBe(FOX);
  });
});

describe('userIdCodec', () => {
  const codec = userIdCodec({ pseudonym: { key: KEY, length: 22 }, keepPii: ['age'] });

  it('without a key ids pass as sent (still validated on the live path)', () => {
    expect(userIdCodec({ pseudonym: null, keepPii: [] })).toBe(PLAIN_USER_IDS);
    expect(PLAIN_USER_IDS.encode(' u1 ')).toBe('u1');
    expect(expectAppError(() => PLAIN_USER_IDS.encode('  ', 'id')).details).toEqual({ field: 'id' });
  });

  it('encodes trimmed, validated ids; map is the same without validation', () => {
    expect(codec.encode(' customer-42 ')).toBe(CUSTOMER_42);
    expect(codec.map('customer-42')).toBe(CUSTOMER_42);
    expect(expectAppError(() => codec.encode('', 'userId')).details).toEqual({ field: 'userId' });
    expect(expectAppError(() => codec.encode('x'.repeat(201), 'userId')).details).toEqual({ field: 'userId' });
  });

  it('drops PII columns except the ones kept, keeps consent and createdAt', () => {
    const stored = codec.user({ id: asUserId('customer-42'), name: 'Ada', age: 36, gender: 'female', location: 'Berlin', consent: { social: false }, createdAt: 5 });
    expect(stored).toEqual({ id: CUSTOMER_42, age: 36, consent: { social: false }, createdAt: 5 });
  });

  it('maps every user id of every record kind, and leaves catalogue records alone', () => {
    const records: IngestRecord[] = [
      { kind: 'event', event: { id: asEventId('e1'), userId: asUserId('customer-42'), itemId: asItemId('i1'), type: 'view', ts: 1 } },
      { kind: 'aggregate', interaction: { userId: asUserId('customer-42'), itemId: asItemId('i1'), count: 3 } },
      { kind: 'social', edge: { kind: 'FRIEND', from: asUserId('customer-42'), to: asUserId('customer-42') } },
      { kind: 'category', category: { id: asCategoryId('customer-42') } },
    ];
    expect(records.map((r) => pseudonymiseRecord(r, codec))).toEqual([
      { kind: 'event', event: { id: 'e1', userId: CUSTOMER_42, itemId: 'i1', type: 'view', ts: 1 } },
      { kind: 'aggregate', interaction: { userId: CUSTOMER_42, itemId: 'i1', count: 3 } },
      { kind: 'social', edge: { kind: 'FRIEND', from: CUSTOMER_42, to: CUSTOMER_42 } },
      { kind: 'category', category: { id: 'customer-42' } },
    ]);
  });
});

describe('privacy configuration (src/config.ts)', () => {
  it('defaults: consent granted, no pseudonymisation', () => {
    const p = loadConfig({}).privacy;
    expect(p.consentDefaults).toEqual({ personalisation: true, social: true, analytics: true, marketing: true });
    expect(loadConfig({ GREC_CONSENT_DEFAULT_MARKETING: 'denied' }).privacy.consentDefaults).toEqual({ personalisation: true, social: true, analytics: true, marketing: false });
    expect(p.pseudonym).toBeNull();
    expect(p.keepPii).toEqual([]);
  });

  it('one default for every purpose, overridden per purpose; key, length and kept PII columns', () => {
    const p = loadConfig({
      GREC_CONSENT_DEFAULT: 'denied', GREC_CONSENT_DEFAULT_PERSONALISATION: 'granted',
      GREC_PSEUDONYM_KEY: KEY, GREC_PSEUDONYM_LENGTH: '30', GREC_KEEP_PII: 'age, location', GREC_ERASURE_SALT: 'a-salt-of-16-chars!',
    }).privacy;
    expect(p.consentDefaults).toEqual({ personalisation: true, social: false, analytics: false, marketing: false });
    expect(p.pseudonym).toEqual({ key: KEY, length: 30 });
    expect(p.keepPii).toEqual(['age', 'location']);
    expect(p.erasureSalt).toBe('a-salt-of-16-chars!');
  });

  it('rejects a short key, an unknown PII column and a bad default, naming the variable', () => {
    expect(() => loadConfig({ GREC_PSEUDONYM_KEY: 'short' })).toThrow(/GREC_PSEUDONYM_KEY/);
    expect(loadConfig({ GREC_PSEUDONYM_KEY: '' }).privacy.pseudonym).toBeNull(); // compose's empty pass-through
    expect(() => loadConfig({ GREC_KEEP_PII: 'name,email' })).toThrow(/GREC_KEEP_PII.*email/);
    expect(() => loadConfig({ GREC_CONSENT_DEFAULT: 'maybe' })).toThrow(/GREC_CONSENT_DEFAULT/);
  });
});
