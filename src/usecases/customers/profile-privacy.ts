// The customer capability's privacy hooks: a user who withdraws analytics, or is erased, leaves every
// segment at once (sizes follow) and loses the features derived from the population.
import type { UserId } from '../../domain/ids.ts';
import type { Purpose } from '../../domain/consent.ts';
import type { ProfileStore } from '../../storage/profile-store.ts';
import type { ConsentHook, ErasureHook } from '../privacy/privacy-observer.ts';

export function profileHooks(store: ProfileStore): { erasure: ErasureHook; consent: ConsentHook } {
  return {
    erasure: { name: 'customer segments', erase: async (userId: UserId) => { await store.clear(userId); } },
    consent: {
      name: 'customer profiles',
      consentWithdrawn: async (userId: UserId, purposes: readonly Purpose[]) => {
        if (purposes.includes('analytics')) await store.clear(userId);
      },
    },
  };
}
