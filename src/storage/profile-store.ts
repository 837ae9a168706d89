// Reads and writes of customer profiles (cypher/customers/*): the profiles run's inputs in batches, its
// output, and the stored profiles the API shows. Property names are the Cypher files' own.
import { ALL_GRANTED, type Consent } from '../domain/consent.ts';
import type { EventType } from '../domain/events.ts';
import type { AffinityScore, ComputedFeatures, ProfileCounters, StoredProfile } from '../domain/profile.ts';
import { cypher } from './cypher-files.ts';
import type { Executor, Row } from './executor.ts';
import { segmentFromRow } from './segment-store.ts';

export interface ProfileInputEvent {
  readonly type: EventType;
  readonly ts: number;
  readonly itemId: string;
  readonly value?: number;
}

export interface ProfileInput {
  readonly userId: string;
  readonly age: number | null;
  readonly gender: string | null;
  readonly location: string | null;
  readonly createdAt: number | null;
  /** False when the user refused analytics: no profile is computed for them. */
  readonly profiled: boolean;
  readonly events: readonly ProfileInputEvent[];
}

export interface ItemFacets {
  readonly price: number | undefined;
  readonly categoryIds: readonly string[];
  readonly tagIds: readonly string[];
}

export interface SocialLink {
  readonly from: string;
  readonly to: string;
  readonly kind: 'FRIEND' | 'FOLLOWS';
}

/** What one profiles run writes for one user (counters recomputed from the events, and the features). */
export interface ProfileWrite {
  readonly userId: string;
  readonly counters: ProfileCounters | null;
  readonly computed: ComputedFeatures;
}

export class ProfileStore {
  constructor(private readonly executor: Executor, private readonly consentDefaults: Consent = ALL_GRANTED) {}

  /** One batch of users with id > after, in id order (empty when done). */
  async inputs(after: string, batchSize: number): Promise<ProfileInput[]> {
    const rows = await this.executor.read(cypher('customers/profile-inputs'), { after, batchSize, consentDefaults: { ...this.consentDefaults } });
    return rows.map((r) => ({
      userId: String(r['userId']),
      age: optNum(r['age']),
      gender: optStr(r['gender']),
      location: optStr(r['location']),
      createdAt: optNum(r['createdAt']),
      profiled: r['profiled'] === true,
      events: (r['events'] as Record<string, unknown>[]).map((e) => {
        const value = optNum(e['value']);
        return { type: String(e['type']) as EventType, ts: Number(e['ts']), itemId: String(e['itemId']), ...(value !== null ? { value } : {}) };
      }),
    }));
  }

  async itemFacets(): Promise<Map<string, ItemFacets>> {
    const rows = await this.executor.read(cypher('customers/item-facets'));
    return new Map(rows.map((r) => [String(r['itemId']), {
      price: optNum(r['price']) ?? undefined,
      categoryIds: (r['categoryIds'] as unknown[]).map(String),
      tagIds: (r['tagIds'] as unknown[]).map(String),
    }]));
  }

  async socialLinks(): Promise<SocialLink[]> {
    const rows = await this.executor.read(cypher('customers/social-edges'), { consentDefaults: { ...this.consentDefaults } });
    return rows.map((r) => ({ from: String(r['from']), to: String(r['to']), kind: r['kind'] === 'FRIEND' ? 'FRIEND' : 'FOLLOWS' }));
  }

  /** The latest event time in the graph (the reference "now" for historic data), null when there is none. */
  async lastEventTs(): Promise<number | null> {
    const rows = await this.executor.read(cypher('demand/last-event'));
    return optNum(rows[0]?.['lastTs']);
  }

  async write(batch: readonly ProfileWrite[]): Promise<number> {
    if (batch.length === 0) return 0;
    const rows = batch.map((w) => ({ userId: w.userId, props: { ...(w.counters !== null ? { ...w.counters } : {}), ...computedProps(w.computed) } }));
    const res = await this.executor.write(cypher('customers/write-profiles'), { rows });
    return Number(res[0]?.['written'] ?? 0);
  }

  /** Stored profiles in the order of `userIds`, null for users that do not exist (DataLoader contract). */
  async profiles(userIds: readonly string[]): Promise<(StoredProfile | null)[]> {
    return (await this.profilesAsOf(userIds)).profiles;
  }

  /** The same, with the reference time (the latest event; null in a graph without events), in one round trip. */
  async profilesAsOf(userIds: readonly string[]): Promise<{ profiles: (StoredProfile | null)[]; asOf: number | null }> {
    const rows = await this.executor.read(cypher('customers/profiles'), { userIds: [...userIds] });
    const byId = new Map(rows.map((r) => [String((r['profile'] as Record<string, unknown>)['id']), profileFromRow(r)]));
    return { profiles: userIds.map((id) => byId.get(id) ?? null), asOf: optNum(rows[0]?.['asOf']) };
  }

  /** One page of profiled users (id > after), for segment evaluation outside a profiles run. */
  async profiledPage(after: string, batchSize: number): Promise<StoredProfile[]> {
    const rows = await this.executor.read(cypher('customers/feature-rows'), { after, batchSize });
    return rows.map((r) => profileFromRow({ ...r, segments: [] }));
  }

  /** Drops the user's segment memberships and derived features (see profile-clear.cypher); 0 when unknown. */
  async clear(userId: string): Promise<number> {
    const rows = await this.executor.write(cypher('customers/profile-clear'), { userId });
    return Number(rows[0]?.['memberships'] ?? 0);
  }

  async ranked(orderBy: 'CHURN_RISK' | 'CLV' | 'EXPECTED_PURCHASES', segmentId: string | null, skip: number, first: number): Promise<{ userId: string; score: number }[]> {
    const rows = await this.executor.read(cypher('customers/ranked-customers'), { orderBy, segmentId, skip, first });
    return rows.map((r) => ({ userId: String(r['userId']), score: Number(r['score']) }));
  }
}

/** The stored property names of the computed features (null removes a property: no stale value survives). */
function computedProps(c: ComputedFeatures): Record<string, unknown> {
  return {
    sessions: c.sessions,
    meanSessionMinutes: c.meanSessionMinutes,
    favouriteHour: c.favouriteHour,
    favouriteWeekday: c.favouriteWeekday,
    weekendShare: c.weekendShare,
    topCategoryIds: c.topCategories.length > 0 ? c.topCategories.map((a) => a.id) : null,
    topCategoryScores: c.topCategories.length > 0 ? c.topCategories.map((a) => a.score) : null,
    topTagIds: c.topTags.length > 0 ? c.topTags.map((a) => a.id) : null,
    topTagScores: c.topTags.length > 0 ? c.topTags.map((a) => a.score) : null,
    influence: c.influence,
    pAlive: c.pAlive,
    expectedPurchases90d: c.expectedPurchases90d,
    expectedAverageValue: c.expectedAverageValue,
    clv: c.clv,
    rfmR: c.rfm?.r ?? null,
    rfmF: c.rfm?.f ?? null,
    rfmM: c.rfm?.m ?? null,
    rfmSegment: c.rfm?.segment ?? null,
    profileComputedAt: c.computedAt,
    profileAsOf: c.asOf,
  };
}

export function profileFromRow(r: Row): StoredProfile {
  const p = r['profile'] as Record<string, unknown>;
  const n = (k: string): number | null => optNum(p[k]);
  const count = (k: string): number => optNum(p[k]) ?? 0;
  const rfmSegment = optStr(p['rfmSegment']);
  return {
    userId: String(p['id']),
    age: n('age'),
    gender: optStr(p['gender']),
    location: optStr(p['location']),
    createdAt: n('createdAt'),
    counters: {
      views: count('views'), favourites: count('favourites'), carts: count('carts'), purchases: count('purchases'),
      cancels: count('cancels'), ratings: count('ratings'), monetary: count('monetary'), unpricedPurchases: count('unpricedPurchases'),
      firstActivityTs: n('firstActivityTs'), lastActivityTs: n('lastActivityTs'), lastPurchaseTs: n('lastPurchaseTs'),
    },
    computed: {
      sessions: n('sessions'), meanSessionMinutes: n('meanSessionMinutes'), favouriteHour: n('favouriteHour'),
      favouriteWeekday: n('favouriteWeekday'), weekendShare: n('weekendShare'),
      topCategories: zipScores(p['topCategoryIds'], p['topCategoryScores']),
      topTags: zipScores(p['topTagIds'], p['topTagScores']),
      influence: n('influence'), pAlive: n('pAlive'), expectedPurchases90d: n('expectedPurchases90d'),
      expectedAverageValue: n('expectedAverageValue'), clv: n('clv'),
      rfm: rfmSegment === null ? null : { r: count('rfmR'), f: count('rfmF'), m: count('rfmM'), segment: rfmSegment },
      computedAt: n('profileComputedAt'), asOf: n('profileAsOf'),
    },
    friends: Number(r['friends'] ?? 0),
    followers: Number(r['followers'] ?? 0),
    following: Number(r['following'] ?? 0),
    segments: ((r['segments'] ?? []) as Record<string, unknown>[]).map(segmentFromRow),
    graphVector: Array.isArray(p['embedding']) ? (p['embedding'] as unknown[]).map(Number) : null,
  };
}

function zipScores(ids: unknown, scores: unknown): AffinityScore[] {
  if (!Array.isArray(ids) || !Array.isArray(scores)) return [];
  return ids.map((id, k) => ({ id: String(id), score: Number(scores[k] ?? 0) }));
}

const optNum = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const optStr = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
