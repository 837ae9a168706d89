import { describe, expect, it } from 'vitest';
import { describeCluster, distinguishingFeatures, featurePhrase } from '../../../src/algorithms/segments/describe-cluster.ts';

describe('distinguishingFeatures', () => {
  it('keeps the top 3 by |z| with their direction, ties in the given order, exact zeros left out', () => {
    expect(
      distinguishingFeatures([
        ['frequency', 0.5],
        ['monetary', -1.2],
        ['views', 0],
        ['weekendShare', 0.5],
        ['clv', 0.9],
      ]),
    ).toEqual([
      { feature: 'monetary', z: -1.2, direction: 'low' },
      { feature: 'clv', z: 0.9, direction: 'high' },
      { feature: 'frequency', z: 0.5, direction: 'high' },
    ]);
  });
});

describe('describeCluster', () => {
  it('uses the phrase table, the caller labels for affinities and the fallback for unknown features', () => {
    expect(
      describeCluster(
        [
          { feature: 'cartToPurchaseRate', z: -1.5, direction: 'low' },
          { feature: 'category:c1', z: 1.1, direction: 'high' },
          { feature: 'giftCards', z: 0.8, direction: 'high' },
        ],
        (key) => (key === 'category:c1' ? 'electronics' : key),
      ),
    ).toBe('high cart abandonment, electronics, high giftCards');
  });
  it('names the phrases of the spec examples', () => {
    expect(featurePhrase('weekendShare', 'high')).toBe('weekend shoppers');
    expect(featurePhrase('recencyDays', 'high')).toBe('lapsed');
    expect(featurePhrase('frequency', 'high')).toBe('frequent buyers');
    expect(featurePhrase('monetary', 'high')).toBe('big spenders');
    expect(featurePhrase('tag:t3', 'high')).toBe('tag t3');
    expect(featurePhrase('tag:t3', 'low')).toBe('little interest in tag t3');
    expect(featurePhrase('constructor', 'low')).toBe('low constructor');
  });
  it('leaves out features within 0.25 sd of the mean, and says so when none is left', () => {
    expect(describeCluster([{ feature: 'monetary', z: 2, direction: 'high' }, { feature: 'views', z: -0.2, direction: 'low' }])).toBe('big spenders');
    expect(describeCluster([{ feature: 'views', z: 0.1, direction: 'high' }])).toBe('close to the average user');
    expect(describeCluster([])).toBe('close to the average user');
  });
});
