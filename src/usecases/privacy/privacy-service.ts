// The privacy use cases (README "Privacy"): a user's consent per purpose, erasure and data export. Each takes
// the acting principal first and checks it against the permission table, so every transport obeys the
// same rules; user ids go through the UserIdCodec (pseudonymised when configured), as in the live use cases.
import type { Consent } from '../../domain/consent.ts';
import { PURPOSES } from '../../domain/consent.ts';
import { invalidInput, notFound } from '../../domain/errors.ts';
import type { UserId } from '../../domain/ids.ts';
import type { Principal } from '../../domain/principal.ts';
import type { PrivacyStore } from '../../storage/privacy-store.ts';
import { authorize } from '../access/permissions.ts';
import { parseConsentInput, type ConsentInput } from './consent-input.ts';
import { erasureIdHash } from './erasure-audit.ts';
import type { ConsentHook, ErasureHook, PrivacyObserver } from './privacy-observer.ts';
import { buildUserExport, type UserExport } from './user-export.ts';
import type { UserIdCodec } from './user-id-codec.ts';

export interface PrivacyServiceOptions {
  readonly consentDefaults: Consent;
  readonly erasureSalt: string;
  readonly userIds: UserIdCodec;
  readonly now: () => number;
  /** Told after consent changes and erasures (caches of this process). */
  readonly observers: readonly PrivacyObserver[];
  /** Other stores holding user data, erased before the user node (segment memberships). */
  readonly erasureHooks?: readonly ErasureHook[];
  /** Data derived for a purpose, dropped when the user withdraws that purpose (profiles, for analytics). */
  readonly consentHooks?: readonly ConsentHook[];
}

export interface ErasureReport {
  readonly events: number;
  readonly relationships: number;
  readonly erasedAt: number;
}

export class PrivacyService {
  constructor(
    private readonly store: PrivacyStore,
    private readonly opts: PrivacyServiceOptions,
  ) {}

  get consentDefaults(): Consent {
    return this.opts.consentDefaults;
  }

  /** Records the purposes given (others keep their choice); returns the stored id. NOT_FOUND for an unknown user. */
  async setConsent(principal: Principal, rawUserId: string, input: ConsentInput): Promise<UserId> {
    const userId = this.opts.userIds.encode(rawUserId, 'userId');
    authorize(principal, 'consent:write', userId);
    const flags = parseConsentInput(input);
    const purposes = PURPOSES.filter((p) => flags[p] !== undefined);
    if (purposes.length === 0) throw invalidInput('consent must set at least one purpose', { field: 'consent' });
    if (!(await this.store.setConsent(userId, flags))) throw notFound('User', rawUserId);
    const withdrawn = purposes.filter((p) => flags[p] === false);
    if (withdrawn.length > 0) for (const hook of this.opts.consentHooks ?? []) await hook.consentWithdrawn(userId, withdrawn);
    for (const o of this.opts.observers) o.consentChanged(userId, purposes);
    return userId;
  }

  /**
   * Erases the user: hooks, events, impressions, relationships, then the node with an audit record of a salted hash and
   * the time; then this process's caches. An unknown (or already erased) id is NOT_FOUND.
   */
  async deleteUser(principal: Principal, rawUserId: string): Promise<ErasureReport> {
    const userId = this.opts.userIds.encode(rawUserId, 'id');
    authorize(principal, 'user:erase', userId);
    if (!(await this.store.userExists(userId))) throw notFound('User', rawUserId);
    for (const hook of this.opts.erasureHooks ?? []) await hook.erase(userId);
    const erasedAt = this.opts.now();
    const counts = await this.store.erase(userId, { idHash: erasureIdHash(userId, this.opts.erasureSalt), at: erasedAt });
    // Erased concurrently by another request between the check and the delete: still gone, still NOT_FOUND here.
    if (!counts.erased && counts.events === 0 && counts.impressions === 0 && counts.relationships === 0) throw notFound('User', rawUserId);
    for (const o of this.opts.observers) o.userErased(userId);
    return { events: counts.events, relationships: counts.relationships, erasedAt };
  }

  /** Everything stored about the user as one document. NOT_FOUND for an unknown user. */
  async exportUserData(principal: Principal, rawUserId: string): Promise<UserExport> {
    const userId = this.opts.userIds.encode(rawUserId, 'id');
    authorize(principal, 'user:export', userId);
    const data = await this.store.exportUser(userId);
    if (data === null) throw notFound('User', rawUserId);
    return buildUserExport(data, this.opts.consentDefaults, this.opts.now());
  }
}
