import { asItemId } from '../../domain/ids.ts';
import { recordInteraction, type RecordInteractionInput } from '../../usecases/live/record-interaction.ts';
import { linkUsers, unlinkUsers, type SocialChange } from '../../usecases/live/social-edges.ts';
import { upsertItem, upsertUser, type UpsertItemInput, type UpsertUserInput } from '../../usecases/live/upsert-entities.ts';
import type { GraphContext } from '../context.ts';

/** Thin: parse arguments, call one use case, return what the payload needs (objects load lazily). */
export const coreMutationResolvers = {
  async recordInteraction(_: unknown, args: { input: RecordInteractionInput }, ctx: GraphContext) {
    const { event, created } = await recordInteraction(ctx.principal, args.input, { ...ctx.services, now: ctx.services.now });
    return { interaction: event, created };
  },
  async upsertUser(_: unknown, args: { input: UpsertUserInput }, ctx: GraphContext) {
    const id = await upsertUser(ctx.principal, args.input, ctx.services.writer, ctx.services.observer, ctx.services.userIds);
    ctx.loaders.user.clear(id);
    return ctx.loaders.user.load(id);
  },
  async upsertItem(_: unknown, args: { input: UpsertItemInput }, ctx: GraphContext) {
    const id = await upsertItem(ctx.principal, args.input, ctx.services.writer, ctx.services.observer);
    ctx.loaders.item.clear(id);
    return ctx.loaders.item.load(asItemId(id));
  },
  follow: (_: unknown, a: { userId: string; targetId: string }, ctx: GraphContext) =>
    linkUsers(ctx.principal, 'FOLLOWS', a.userId, a.targetId, ctx.services.writer, ctx.services.observer, ctx.services.userIds),
  unfollow: (_: unknown, a: { userId: string; targetId: string }, ctx: GraphContext) =>
    unlinkUsers(ctx.principal, 'FOLLOWS', a.userId, a.targetId, ctx.services.social, ctx.services.observer, ctx.services.userIds),
  addFriend: (_: unknown, a: { userId: string; friendId: string }, ctx: GraphContext) =>
    linkUsers(ctx.principal, 'FRIEND', a.userId, a.friendId, ctx.services.writer, ctx.services.observer, ctx.services.userIds),
  removeFriend: (_: unknown, a: { userId: string; friendId: string }, ctx: GraphContext) =>
    unlinkUsers(ctx.principal, 'FRIEND', a.userId, a.friendId, ctx.services.social, ctx.services.observer, ctx.services.userIds),
};

/** Users are loaded only if the client selects them (no dangling queries for unselected fields). */
export const socialPayloadResolvers = {
  SocialEdgePayload: {
    user: (r: SocialChange, _: unknown, ctx: GraphContext) => ctx.loaders.user.load(r.ids[0]),
    other: (r: SocialChange, _: unknown, ctx: GraphContext) => ctx.loaders.user.load(r.ids[1]),
  },
};
