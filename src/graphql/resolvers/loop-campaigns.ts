// Campaign fields: campaigns, campaign, nextBestOffer, campaignAudience, createCampaign, stopCampaign. One
// use-case call each; items and users come through the request's loaders, a campaign's figures through a
// per-request batch (one round trip for every campaign of a response).
import DataLoader from 'dataloader';
import type { ItemId, UserId } from '../../domain/ids.ts';
import { campaignStatus, type Campaign, type Channel, type ExperimentStatus, type Offer } from '../../domain/loop.ts';
import type { CampaignFigures } from '../../storage/campaign-store.ts';
import type { AudienceMember } from '../../usecases/loop/campaign-audience.ts';
import type { CampaignInput, OfferInput } from '../../usecases/loop/campaign-service.ts';
import type { OfferView } from '../../usecases/loop/next-best-offer.ts';
import type { GraphContext } from '../context.ts';
import { lookup, lookupMany } from '../loaders.ts';
import type { ResolverSet } from '../schema.ts';

interface CreateCampaignArgs {
  readonly input: Omit<CampaignInput, 'startAt' | 'endAt' | 'offer'> & { readonly offer: OfferInput; readonly startAt?: string | null; readonly endAt?: string | null };
}

/** Per request (keyed by the request's context), never shared: a response's campaigns cost one figures read. */
const figureLoaders = new WeakMap<GraphContext, DataLoader<string, CampaignFigures | null>>();

function figures(ctx: GraphContext, id: string): Promise<CampaignFigures | null> {
  let loader = figureLoaders.get(ctx);
  if (loader === undefined) {
    loader = new DataLoader(async (ids: readonly string[]) => {
      const found = await ctx.services.campaigns.service.figures(ctx.principal, ids);
      return ids.map((k) => found.get(k) ?? null);
    });
    figureLoaders.set(ctx, loader);
  }
  return loader.load(id);
}

const figure = (key: keyof CampaignFigures) => async (c: Campaign, _: unknown, ctx: GraphContext) => (await figures(ctx, c.id))?.[key] ?? 0;
const time = (s: string | null | undefined): number | null => (s == null ? null : Date.parse(s));
const items = (ids: readonly ItemId[], ctx: GraphContext) => lookupMany(ctx.loaders.known.items, ctx.loaders.item, ids);

export const campaignResolvers: ResolverSet = {
  Query: {
    campaigns: (_: unknown, args: { status?: ExperimentStatus | null }, ctx: GraphContext) =>
      ctx.services.campaigns.service.list(ctx.principal, args.status ?? null),
    campaign: (_: unknown, args: { id: string }, ctx: GraphContext) => ctx.services.campaigns.service.get(ctx.principal, args.id),
    nextBestOffer: (_: unknown, args: { userId: string; channel?: Channel | null }, ctx: GraphContext) =>
      ctx.services.campaigns.offers.offer(ctx.principal, args.userId, args.channel ?? 'ONSITE'),
    campaignAudience: (_: unknown, args: { campaignId: string; first?: number | null; after?: string | null }, ctx: GraphContext) =>
      ctx.services.campaigns.audience.page(ctx.principal, args.campaignId, args.first, args.after),
  },
  Mutation: {
    createCampaign: (_: unknown, args: CreateCampaignArgs, ctx: GraphContext) =>
      ctx.services.campaigns.service.create(ctx.principal, { ...args.input, startAt: time(args.input.startAt), endAt: time(args.input.endAt) }),
    stopCampaign: (_: unknown, args: { id: string }, ctx: GraphContext) => ctx.services.campaigns.service.stop(ctx.principal, args.id),
  },
  Campaign: {
    status: (c: Campaign, _: unknown, ctx: GraphContext) => campaignStatus(c, ctx.services.now()),
    audienceSize: figure('audienceSize'),
    impressions: figure('impressions'),
    conversions: figure('conversions'),
  },
  OfferContent: {
    items: (o: Offer, _: unknown, ctx: GraphContext) => items(o.itemIds, ctx),
  },
  Offer: {
    items: (o: OfferView, _: unknown, ctx: GraphContext) => items(o.itemIds, ctx),
  },
  CampaignAudienceMember: {
    user: (m: AudienceMember, _: unknown, ctx: GraphContext) => lookup(ctx.loaders.known.users, ctx.loaders.user, m.userId as UserId),
  },
};
