import { asItemId, asUserId } from '../../domain/ids.ts';
import { recordInteraction, type RecordInteractionInput } from '../../usecases/live/record-interaction.ts';
import { addFriend, follow, removeFriend, unfollow } from '../../usecases/live/social-edges.ts';
import { upsertItem, upsertUser, type UpsertItemInput, type UpsertUserInput } from '../../usecases/live/upsert-entities.ts';
import type { GraphContext } from '../context.ts';

type SocialResult = { ids: [string, string]; changed: boolean };

/** Thin: parse arguments, call one use case, return what the payload needs (objects load lazily). */
export const coreMutationResolvers = {
  async recordInteraction(_: unknown, args: { input: RecordInteractionInput }, ctx: GraphContext) {
    const { event, created } = await recordInteraction(args.input, { ...ctx.services, now: ctx.services.now });
    return { interaction: event, created };
  },
  async upsertUser(_: unknown, args: { input: UpsertUserInput }, ctx: GraphContext) {
    const id = await upsertUser(args.input, ctx.services.writer);
    ctx.loaders.user.clear(id);
    return ctx.loaders.user.load(id);
  },
  async upsertItem(_: unknown, args: { input: UpsertItemInput }, ctx: GraphContext) {
    const id = await upsertItem(args.input, ctx.services.writer);
    ctx.loaders.item.clear(id);
    return ctx.loaders.item.load(asItemId(id));
  },
  follow: async (_: unknown, a: { userId: string; targetId: string }, ctx: GraphContext) =>
    socialPayload(await follow(a.userId, a.targetId, ctx.services.writer), ctx),
  unfollow: async (_: unknown, a: { userId: string; targetId: string }, ctx: GraphContext) =>
    socialPayload(await unfollow(a.userId, a.targetId, ctx.services.social), ctx),
  addFriend: async (_: unknown, a: { userId: string; friendId: string }, ctx: GraphContext) =>
    socialPayload(await addFriend(a.userId, a.friendId, ctx.services.writer), ctx),
  removeFriend: async (_: unknown, a: { userId: string; friendId: string }, ctx: GraphContext) =>
    socialPayload(await removeFriend(a.userId, a.friendId, ctx.services.social), ctx),
};

/** Users are loaded only if the client selects them (no dangling queries for unselected fields). */
function socialPayload(r: SocialResult, _ctx: GraphContext): SocialResult {
  return r;
}

export const socialPayloadResolvers = {
  SocialEdgePayload: {
    user: (r: SocialResult, _: unknown, ctx: GraphContext) => ctx.loaders.user.load(asUserId(r.ids[0])),
    other: (r: SocialResult, _: unknown, ctx: GraphContext) => ctx.loaders.user.load(asUserId(r.ids[1])),
  },
};
