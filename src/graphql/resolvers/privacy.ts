// Privacy fields: consent per purpose on User and setConsent, deleteUser, exportUserData. One use-case call
// each, acting as the request's principal (the use cases authorise).
import { effectiveConsent } from '../../domain/consent.ts';
import type { User } from '../../domain/entities.ts';
import type { ConsentInput } from '../../usecases/privacy/consent-input.ts';
import type { ErasureReport } from '../../usecases/privacy/privacy-service.ts';
import { can } from '../../usecases/access/permissions.ts';
import type { GraphContext } from '../context.ts';
import type { ResolverSet } from '../schema.ts';

export const privacyResolvers: ResolverSet = {
  Query: {
    exportUserData: (_: unknown, args: { id: string }, ctx: GraphContext) => ctx.services.privacy.exportUserData(ctx.principal, args.id),
  },
  Mutation: {
    async setConsent(_: unknown, args: { userId: string; consent: ConsentInput }, ctx: GraphContext) {
      const id = await ctx.services.privacy.setConsent(ctx.principal, args.userId, args.consent);
      ctx.loaders.user.clear(id);
      return ctx.loaders.user.load(id);
    },
    deleteUser: (_: unknown, args: { id: string }, ctx: GraphContext) => ctx.services.privacy.deleteUser(ctx.principal, args.id),
  },
  User: {
    /** As it applies: the recorded choice, else the configured default; null to whoever may not read the user. */
    consent: (u: User, _: unknown, ctx: GraphContext) =>
      can(ctx.principal, 'user:read', u.id) ? effectiveConsent(u.consent, ctx.services.privacy.consentDefaults) : null,
  },
  DeleteUserPayload: {
    erasedAt: (r: ErasureReport) => r.erasedAt,
  },
};
