import type { Purpose } from '../../domain/consent.ts';
import type { UserId } from '../../domain/ids.ts';

/**
 * Told about privacy writes after they committed, so state this process derived from the graph (page cache,
 * GRAPH model, CONTENT index, analytics chains) drops what must not outlive them. Other instances see
 * consent changes within their caches' TTL; an erasure must reach them too (see README "Privacy").
 */
export interface PrivacyObserver {
  /** The user's consent for these purposes was written (whatever the old values were). */
  consentChanged(userId: UserId, purposes: readonly Purpose[]): void;
  /** The user and everything stored about them were deleted. */
  userErased(userId: UserId): void;
}

/**
 * Data held elsewhere about a user (segment memberships of the customer capability, once it exists; any
 * future store keyed by user id): erased in the same deleteUser call, before the user node, so a failed
 * erasure can be retried and finishes the job.
 */
export interface ErasureHook {
  readonly name: string;
  erase(userId: UserId): Promise<void>;
}

/**
 * Data derived from a user for a purpose (customer profiles and segments, for analytics): withdrawn in the
 * same setConsent call, after the flag is stored, so a retry of a failed call finishes the job.
 */
export interface ConsentHook {
  readonly name: string;
  consentWithdrawn(userId: UserId, purposes: readonly Purpose[]): Promise<void>;
}
