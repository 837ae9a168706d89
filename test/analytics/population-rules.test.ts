import { describe, expect, it } from 'vitest';
import { EMPTY_SEGMENT } from '../../src/storage/analytics-scope.ts';
import type { UserAttributes } from '../../src/storage/analytics-store.ts';
import { groupOf, keepsUser, needsFriendTies } from '../../src/usecases/analytics/population-rules.ts';

// population.cypher's rules in TypeScript, case by case (the random comparisons against the Cypher population are
// in memory-counts.int.test.ts).
const ann: UserAttributes = { consentAnalytics: true, gender: 'female', age: 25, location: 'Paris', createdAt: Date.UTC(2024, 1, 29, 23, 59) };
const bare: UserAttributes = { consentAnalytics: true, gender: null, age: null, location: null, createdAt: null };

describe('population rules (population.cypher in TypeScript)', () => {
  it('keeps everyone who consents when the segment is empty, and no one who refused', () => {
    expect(keepsUser(ann, EMPTY_SEGMENT)).toBe(true);
    expect(keepsUser(bare, EMPTY_SEGMENT)).toBe(true);
    expect(keepsUser({ ...ann, consentAnalytics: false }, EMPTY_SEGMENT)).toBe(false);
  });

  it('compares attributes with inclusive bounds', () => {
    expect(keepsUser(ann, { ...EMPTY_SEGMENT, gender: 'female' })).toBe(true);
    expect(keepsUser(ann, { ...EMPTY_SEGMENT, gender: 'Female' })).toBe(false);
    expect(keepsUser(ann, { ...EMPTY_SEGMENT, minAge: 25, maxAge: 25 })).toBe(true);
    expect(keepsUser(ann, { ...EMPTY_SEGMENT, minAge: 26 })).toBe(false);
    expect(keepsUser(ann, { ...EMPTY_SEGMENT, maxAge: 24 })).toBe(false);
    expect(keepsUser(ann, { ...EMPTY_SEGMENT, location: 'Paris' })).toBe(true);
    expect(keepsUser(ann, { ...EMPTY_SEGMENT, location: 'Rome' })).toBe(false);
    const at = ann.createdAt as number;
    expect(keepsUser(ann, { ...EMPTY_SEGMENT, acquiredFrom: at, acquiredTo: at })).toBe(true);
    expect(keepsUser(ann, { ...EMPTY_SEGMENT, acquiredFrom: at + 1 })).toBe(false);
    expect(keepsUser(ann, { ...EMPTY_SEGMENT, acquiredTo: at - 1 })).toBe(false);
  });

  it('leaves out a user missing a filtered attribute (a comparison with null is null in Cypher)', () => {
    for (const s of [{ gender: 'female' }, { minAge: 0 }, { maxAge: 200 }, { location: 'Paris' }, { acquiredFrom: 0 }, { acquiredTo: Date.UTC(2100, 0) }]) {
      expect(keepsUser(bare, { ...EMPTY_SEGMENT, ...s }), JSON.stringify(s)).toBe(false);
    }
  });

  it('names groups as population.cypher does', () => {
    expect(groupOf(ann, null)).toBe('all');
    expect(groupOf(ann, 'GENDER')).toBe('female');
    expect(groupOf(ann, 'LOCATION')).toBe('Paris');
    expect(groupOf(ann, 'AGE_BAND')).toBe('25-34');
    expect(groupOf(ann, 'ACQUISITION_MONTH')).toBe('2024-02');
    expect(['GENDER', 'LOCATION', 'AGE_BAND', 'ACQUISITION_MONTH'].map((b) => groupOf(bare, b as 'GENDER'))).toEqual(['unknown', 'unknown', 'unknown', 'unknown']);
    const bands = [0, 17, 18, 24, 34, 35, 44, 45, 54, 55, 64, 65, 150].map((age) => groupOf({ ...ann, age }, 'AGE_BAND'));
    expect(bands).toEqual(['<18', '<18', '18-24', '18-24', '25-34', '35-44', '35-44', '45-54', '45-54', '55-64', '55-64', '65+', '65+']);
  });

  it('needs the friend ties only for hasFriendWhoPurchased', () => {
    expect(needsFriendTies({ ...EMPTY_SEGMENT, gender: 'f', segmentId: 's', userIds: ['u1'] }, 'AGE_BAND')).toBe(false);
    expect(needsFriendTies({ ...EMPTY_SEGMENT, hasFriendWhoPurchased: false }, null)).toBe(true);
    expect(needsFriendTies(EMPTY_SEGMENT, 'HAS_FRIEND_WHO_PURCHASED')).toBe(true);
  });
});
