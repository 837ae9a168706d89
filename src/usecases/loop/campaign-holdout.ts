// A campaign's holdout: the share of its audience never sent the offer, so the campaign can be measured
// like an experiment (held out = control). Deterministic and GrowthBook-compatible: the experiment key is
// `campaign:<id>`, variants ['holdout', 'treated'] weighted [h, 1 - h], hashed on the stored user id, so
// a GrowthBook SDK given the same experiment and `id` puts every user in the same group.
import { assignVariant } from '../../algorithms/experiments/assignment/assign-variant.ts';
import type { Campaign } from '../../domain/loop.ts';

export const holdoutKey = (campaignId: string): string => `campaign:${campaignId}`;

/** Whether `userId` is in the campaign's holdout (never for a share of 0). About 2-6 µs a call. */
export function inHoldout(c: Pick<Campaign, 'id' | 'holdoutShare'>, userId: string): boolean {
  if (!(c.holdoutShare > 0)) return false;
  const h = c.holdoutShare;
  return assignVariant({ key: holdoutKey(c.id), variants: ['holdout', 'treated'], weights: [h, 1 - h] }, userId).variant === 'holdout';
}
