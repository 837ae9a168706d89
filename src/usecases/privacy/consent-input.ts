import type { ConsentFlags } from '../../domain/consent.ts';

/** GraphQL ConsentInput: each purpose optional; null or absent keeps the stored choice. */
export interface ConsentInput {
  readonly personalisation?: boolean | null;
  readonly social?: boolean | null;
  readonly analytics?: boolean | null;
  readonly marketing?: boolean | null;
}

export function parseConsentInput(input: ConsentInput): ConsentFlags {
  return {
    ...(input.personalisation != null ? { personalisation: input.personalisation } : {}),
    ...(input.social != null ? { social: input.social } : {}),
    ...(input.analytics != null ? { analytics: input.analytics } : {}),
    ...(input.marketing != null ? { marketing: input.marketing } : {}),
  };
}
