// Profiles as a use case: one user's profile (a shopper may read only their own), and users ranked by
// churn risk, value or expected purchases for marketers.
import type { Principal } from '../../domain/principal.ts';
import type { ProfileStore } from '../../storage/profile-store.ts';
import type { SegmentStore } from '../../storage/segment-store.ts';
import { notFound } from '../../domain/errors.ts';
import { authorize } from '../access/permissions.ts';
import { PLAIN_USER_IDS, type UserIdCodec } from '../privacy/user-id-codec.ts';
import { FEATURES, type FeatureSpec } from './feature-catalogue.ts';
import { toProfileView, type UserProfileView } from './profile-view.ts';

export type CustomerOrder = 'CHURN_RISK' | 'CLV' | 'EXPECTED_PURCHASES';

export interface RankedCustomer {
  readonly score: number;
  readonly profile: UserProfileView;
}

export class CustomerService {
  constructor(
    private readonly store: ProfileStore,
    private readonly segments: SegmentStore,
    private readonly now: () => number,
    private readonly ids: UserIdCodec = PLAIN_USER_IDS,
  ) {}

  /** null when the user does not exist. One round trip: profile, segments and reference time together. */
  async profile(p: Principal, userId: string): Promise<UserProfileView | null> {
    const id = this.ids.map(userId);
    authorize(p, 'profile:read', id);
    const { profiles: [stored], asOf } = await this.store.profilesAsOf([id]);
    if (stored == null) return null;
    return toProfileView({ ...stored, userId }, asOf ?? this.now());
  }

  /**
   * One page of profiled users by score; offset paging (the order is by a computed value). A segment that
   * does not exist is NOT_FOUND (checked after the role, so a caller without it learns nothing).
   */
  async ranked(p: Principal, orderBy: CustomerOrder, segmentId: string | null, skip: number, first: number): Promise<RankedCustomer[]> {
    authorize(p, 'profile:list');
    if (segmentId !== null && (await this.segments.get(segmentId)) === null) throw notFound('Segment', segmentId);
    const ranked = await this.store.ranked(orderBy, segmentId, skip, first);
    const { profiles, asOf } = await this.store.profilesAsOf(ranked.map((r) => r.userId));
    return ranked.flatMap((r, k) => {
      const stored = profiles[k];
      return stored == null ? [] : [{ score: r.score, profile: toProfileView(stored, asOf ?? this.now()) }];
    });
  }

  features(p: Principal): readonly FeatureSpec[] {
    authorize(p, 'segments:read');
    return FEATURES;
  }
}
