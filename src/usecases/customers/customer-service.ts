// Profiles as a use case: one user's profile (a shopper may read only their own), and users ranked by
// churn risk, value or expected purchases for marketers.
import type { Principal } from '../../domain/principal.ts';
import type { ProfileStore } from '../../storage/profile-store.ts';
import type { SegmentStore } from '../../storage/segment-store.ts';
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

  /** null when the user does not exist. */
  async profile(p: Principal, userId: string): Promise<UserProfileView | null> {
    const id = this.ids.map(userId);
    authorize(p, 'profile:read', id);
    const [stored] = await this.store.profiles([id]);
    if (stored == null) return null;
    const segments = stored.segmentIds.length === 0 ? [] : await this.segments.list(stored.segmentIds);
    return toProfileView({ ...stored, userId }, await this.asOf(), segments);
  }

  /** One page of profiled users by score; offset paging (the order is by a computed value). */
  async ranked(p: Principal, orderBy: CustomerOrder, segmentId: string | null, skip: number, first: number): Promise<RankedCustomer[]> {
    authorize(p, 'profile:list');
    const ranked = await this.store.ranked(orderBy, segmentId, skip, first);
    const profiles = await this.store.profiles(ranked.map((r) => r.userId));
    const asOf = await this.asOf();
    const ids = [...new Set(profiles.flatMap((s) => s?.segmentIds ?? []))];
    const segments = ids.length === 0 ? [] : await this.segments.list(ids);
    return ranked.flatMap((r, k) => {
      const stored = profiles[k];
      return stored == null ? [] : [{ score: r.score, profile: toProfileView(stored, asOf, segments) }];
    });
  }

  features(p: Principal): readonly FeatureSpec[] {
    authorize(p, 'segments:read');
    return FEATURES;
  }

  /** The reference time: the latest event (historic data reads as if today were its last day), else now. */
  private async asOf(): Promise<number> {
    return (await this.store.lastEventTs()) ?? this.now();
  }
}
