// Campaigns as a use case: create (validated, field-named errors), stop, list, get, and their figures.
// A campaign's id is the slug of its name plus a dash and 6 random base-36 characters ("spring-shoes-k3v9q2"):
// readable in exports and metrics, unique without asking the store (names may repeat).
import { randomInt } from 'node:crypto';
import { AppError, invalidInput, notFound } from '../../domain/errors.ts';
import { asItemId, type ItemId } from '../../domain/ids.ts';
import { campaignStatus, type Campaign, type Channel, type ExperimentStatus, type Offer } from '../../domain/loop.ts';
import type { Principal } from '../../domain/principal.ts';
import type { CampaignFigures, CampaignStore } from '../../storage/campaign-store.ts';
import { authorize } from '../access/permissions.ts';
import { slug } from '../customers/segment-service.ts';

const MAX_NAME = 80;
const MAX_ITEMS = 50;
const MAX_TEXT = 2000;
const SUFFIX_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';
export const MAX_HOLDOUT = 0.5;
const CHANNELS: readonly Channel[] = ['ONSITE', 'EMAIL', 'PUSH'];

export interface OfferInput {
  readonly itemIds?: readonly string[] | null;
  readonly coupon?: string | null;
  readonly discount?: number | null;
  readonly message?: string | null;
  readonly value?: number | null;
}

/** CreateCampaignInput with times already in epoch milliseconds. */
export interface CampaignInput {
  readonly name: string;
  readonly audienceSegmentId?: string | null;
  readonly offer: OfferInput;
  readonly channel: Channel;
  readonly startAt?: number | null;
  readonly endAt?: number | null;
  readonly frequencyCap?: number | null;
  readonly holdoutShare?: number | null;
}

/** What the service needs besides its store: segment and item lookups, the clock, the id suffix. */
export interface CampaignDeps {
  readonly segmentExists: (id: string) => Promise<boolean>;
  /** Price per item id for the items that exist (undefined price: not priced). */
  readonly items: (ids: readonly ItemId[]) => Promise<ReadonlyMap<ItemId, { readonly price?: number | undefined }>>;
  readonly now: () => number;
  readonly suffix?: () => string;
}

export class CampaignService {
  constructor(private readonly store: CampaignStore, private readonly deps: CampaignDeps) {}

  async list(p: Principal, status: ExperimentStatus | null = null): Promise<Campaign[]> {
    authorize(p, 'campaigns:read');
    const all = await this.store.list();
    const now = this.deps.now();
    return status === null ? all : all.filter((c) => campaignStatus(c, now) === status);
  }

  async get(p: Principal, id: string): Promise<Campaign | null> {
    authorize(p, 'campaigns:read');
    return this.store.get(id);
  }

  /** Figures of several campaigns in one round trip (the Campaign fields' batch). */
  async figures(p: Principal, ids: readonly string[]): Promise<Map<string, CampaignFigures>> {
    authorize(p, 'campaigns:read');
    return this.store.figures(ids);
  }

  async create(p: Principal, input: CampaignInput): Promise<Campaign> {
    authorize(p, 'campaigns:write');
    const now = this.deps.now();
    const name = input.name.trim();
    const base = slug(name);
    if (name.length === 0 || name.length > MAX_NAME || base.length === 0) {
      throw invalidInput(`campaign name must have 1..${MAX_NAME} characters with at least one letter or digit`, { field: 'input.name' });
    }
    if (!CHANNELS.includes(input.channel)) throw invalidInput(`channel must be one of ${CHANNELS.join(', ')}`, { field: 'input.channel' });
    const o = input.offer;
    const itemIds = [...new Set((o.itemIds ?? []).map((id) => id.trim()))].map(asItemId);
    const coupon = text(o.coupon, 'input.offer.coupon');
    const message = text(o.message, 'input.offer.message');
    if (itemIds.length === 0 && coupon === null && message === null) {
      throw invalidInput('an offer needs at least one of itemIds, coupon, message', { field: 'input.offer' });
    }
    if (itemIds.length > MAX_ITEMS) throw invalidInput(`an offer has at most ${MAX_ITEMS} items`, { field: 'input.offer.itemIds' });
    if (itemIds.some((id) => id === '')) throw invalidInput('item ids must be non-empty', { field: 'input.offer.itemIds' });
    const discount = o.discount ?? null;
    if (discount !== null && !(Number.isFinite(discount) && discount > 0 && discount < 1)) {
      throw invalidInput(`discount must be in (0, 1), got ${discount}`, { field: 'input.offer.discount' });
    }
    if (o.value != null && !(Number.isFinite(o.value) && o.value >= 0)) {
      throw invalidInput(`value must be >= 0, got ${o.value}`, { field: 'input.offer.value' });
    }
    if (o.value == null && itemIds.length === 0) {
      throw invalidInput('value is required when the offer has no items (the default is their mean price)', { field: 'input.offer.value' });
    }
    const startAt = input.startAt ?? now;
    const endAt = input.endAt ?? null;
    if (endAt !== null && !(endAt > startAt)) throw invalidInput('endAt must be after startAt', { field: 'input.endAt' });
    const frequencyCap = input.frequencyCap ?? null;
    if (frequencyCap !== null && !(Number.isInteger(frequencyCap) && frequencyCap >= 1)) {
      throw invalidInput(`frequencyCap must be an integer >= 1, got ${frequencyCap}`, { field: 'input.frequencyCap' });
    }
    const holdoutShare = input.holdoutShare ?? 0;
    if (!(Number.isFinite(holdoutShare) && holdoutShare >= 0 && holdoutShare <= MAX_HOLDOUT)) {
      throw invalidInput(`holdoutShare must be in [0, ${MAX_HOLDOUT}], got ${holdoutShare}`, { field: 'input.holdoutShare' });
    }
    // Lookups last: a malformed input costs no round trip.
    const audienceSegmentId = input.audienceSegmentId ?? null;
    if (audienceSegmentId !== null && !(await this.deps.segmentExists(audienceSegmentId))) {
      throw withField(notFound('Segment', audienceSegmentId), 'input.audienceSegmentId');
    }
    const items = itemIds.length === 0 ? new Map() : await this.deps.items(itemIds);
    const missing = itemIds.find((id) => !items.has(id));
    if (missing !== undefined) throw withField(notFound('Item', missing), 'input.offer.itemIds');
    const value = o.value ?? meanPrice(itemIds.map((id) => items.get(id)?.price));
    if (value === null) throw invalidInput('value is required when no item of the offer has a price', { field: 'input.offer.value' });
    const offer: Offer = { itemIds, coupon, discount, message, value };
    const id = `${base.slice(0, MAX_NAME)}-${(this.deps.suffix ?? randomSuffix)()}`;
    return this.store.create({
      id, name, audienceSegmentId, offer, channel: input.channel, startAt, endAt, frequencyCap, holdoutShare, createdAt: now, stoppedAt: null,
    });
  }

  /** Stops the campaign now (idempotent: a stopped campaign keeps its first stop time). Unknown: NOT_FOUND. */
  async stop(p: Principal, id: string): Promise<Campaign> {
    authorize(p, 'campaigns:write');
    const c = await this.store.stop(id, this.deps.now());
    if (c === null) throw notFound('Campaign', id);
    return c;
  }
}

function text(v: string | null | undefined, field: string): string | null {
  if (v == null) return null;
  const t = v.trim();
  if (t.length > MAX_TEXT) throw invalidInput(`at most ${MAX_TEXT} characters`, { field });
  return t.length === 0 ? null : t;
}

function meanPrice(prices: readonly (number | undefined)[]): number | null {
  const known = prices.filter((x): x is number => x !== undefined && Number.isFinite(x));
  return known.length === 0 ? null : known.reduce((a, x) => a + x, 0) / known.length;
}

function withField(e: AppError, field: string): AppError {
  return new AppError(e.code, e.message, { ...e.details, field });
}

function randomSuffix(): string {
  let s = '';
  for (let k = 0; k < 6; k++) s += SUFFIX_CHARS[randomInt(SUFFIX_CHARS.length)];
  return s;
}
