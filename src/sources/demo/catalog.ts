import { asCategoryId, asItemId, asTagId, type CategoryId, type ItemId, type TagId } from '../../domain/ids.ts';
import type { IngestRecord } from '../../domain/ingest.ts';
import type { ResolvedDemoOptions } from './demo-options.ts';
import { ADJECTIVES, BRANDS, CATEGORY_NAMES, COLOURS, TAG_WORDS, nthName } from './names.ts';
import { type Rng, STREAM, rngFor } from './prng.ts';

/** Zipf exponent of item popularity inside a category: rank r is picked with weight 1 / r^s. */
export const ZIPF_EXPONENT = 1.0;
/** P(an item's tag comes from its category's own tags rather than any tag). */
const TAG_LOYALTY = 0.8;

/**
 * Compact catalog structure for sampling (typed arrays, no per-item objects): which category each
 * item is in, the items of each category in popularity-rank order, and cumulative Zipf weights.
 */
export interface Catalog {
  readonly itemCategory: Uint32Array;
  /** Items grouped by category; category c owns members[offsets[c]] .. members[offsets[c+1] - 1]. */
  readonly members: Uint32Array;
  readonly offsets: Uint32Array;
  /** Cumulative Zipf weight aligned with `members`, restarting at each category. */
  readonly cumulative: Float64Array;
  readonly basePrice: Float64Array;
  /** Each item's price (the one its record carries). */
  readonly price: Float64Array;
  /** Median item price of each category. */
  readonly medianPrice: Float64Array;
  /** The same three arrays as members/offsets/cumulative, restricted to items priced at most their category's median. */
  readonly cheap: { readonly members: Uint32Array; readonly offsets: Uint32Array; readonly cumulative: Float64Array };
  readonly itemIds: readonly ItemId[];
  readonly categoryIds: readonly CategoryId[];
  readonly tagIds: readonly TagId[];
}

export function buildCatalog(o: ResolvedDemoOptions): Catalog {
  const rng = rngFor(o.seed, STREAM.catalog);
  const itemCategory = new Uint32Array(o.items);
  const sizes = new Uint32Array(o.categories);
  for (let i = 0; i < o.items; i++) {
    // The first `categories` items seed one category each, so no category is empty.
    const c = i < o.categories ? i : rng.int(o.categories);
    itemCategory[i] = c;
    sizes[c] = (sizes[c] ?? 0) + 1;
  }
  const offsets = new Uint32Array(o.categories + 1);
  for (let c = 0; c < o.categories; c++) offsets[c + 1] = (offsets[c] ?? 0) + (sizes[c] ?? 0);
  const members = new Uint32Array(o.items);
  const cumulative = new Float64Array(o.items);
  const fill = offsets.slice(0, o.categories);
  for (let i = 0; i < o.items; i++) {
    const c = itemCategory[i] ?? 0;
    const slot = fill[c] ?? 0;
    fill[c] = slot + 1;
    const rank = slot - (offsets[c] ?? 0) + 1;
    members[slot] = i;
    cumulative[slot] = (rank === 1 ? 0 : (cumulative[slot - 1] ?? 0)) + 1 / rank ** ZIPF_EXPONENT;
  }
  const basePrice = new Float64Array(o.categories);
  for (let c = 0; c < o.categories; c++) basePrice[c] = 5 * Math.exp(1.2 * rng.normal() + 1.5);
  const price = new Float64Array(o.items);
  for (let i = 0; i < o.items; i++) price[i] = itemHead(o, basePrice[itemCategory[i] ?? 0] ?? 10, i).price;
  const medianPrice = new Float64Array(o.categories);
  for (let c = 0; c < o.categories; c++) {
    const from = offsets[c] ?? 0;
    const prices = new Float64Array((offsets[c + 1] ?? from) - from);
    for (let j = 0; j < prices.length; j++) prices[j] = price[members[from + j] ?? 0] ?? 0;
    prices.sort();
    medianPrice[c] = prices[(prices.length - 1) >> 1] ?? 0;
  }
  const cheap = restrict(members, offsets, cumulative, (i) => (price[i] ?? 0) <= (medianPrice[itemCategory[i] ?? 0] ?? 0));
  return {
    itemCategory,
    members,
    offsets,
    cumulative,
    basePrice,
    price,
    medianPrice,
    cheap,
    itemIds: Array.from({ length: o.items }, (_, i) => asItemId(`i${i + 1}`)),
    categoryIds: Array.from({ length: o.categories }, (_, c) => asCategoryId(`c${c + 1}`)),
    tagIds: Array.from({ length: o.tags }, (_, t) => asTagId(`t${t + 1}`)),
  };
}

/** A Zipf-distributed item of category c (binary search over the cumulative weights). */
export function sampleItem(catalog: Catalog, c: number, rng: Rng): number {
  return sampleGrouped(catalog, c, rng);
}

/** Bargain hunters' pick: Zipf by popularity rank among the category's items priced at most its median. */
export function sampleCheapItem(catalog: Catalog, c: number, rng: Rng): number {
  return sampleGrouped(catalog.cheap, c, rng);
}

function sampleGrouped(g: { readonly members: Uint32Array; readonly offsets: Uint32Array; readonly cumulative: Float64Array }, c: number, rng: Rng): number {
  let lo = g.offsets[c] ?? 0;
  let hi = (g.offsets[c + 1] ?? lo + 1) - 1;
  const u = rng.next() * (g.cumulative[hi] ?? 0);
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((g.cumulative[mid] ?? 0) > u) hi = mid;
    else lo = mid + 1;
  }
  return g.members[lo] ?? 0;
}

/** The members (in rank order) that pass `keep`, with their own Zipf weights (1 / original rank^s) summed anew. */
function restrict(members: Uint32Array, offsets: Uint32Array, cumulative: Float64Array, keep: (item: number) => boolean) {
  const groups = offsets.length - 1;
  const kept: number[] = [];
  const weights: number[] = [];
  const newOffsets = new Uint32Array(offsets.length);
  for (let c = 0; c < groups; c++) {
    let sum = 0;
    for (let slot = offsets[c] ?? 0; slot < (offsets[c + 1] ?? 0); slot++) {
      const item = members[slot] ?? 0;
      const weight = (cumulative[slot] ?? 0) - (slot === offsets[c] ? 0 : (cumulative[slot - 1] ?? 0));
      if (!keep(item)) continue;
      sum += weight;
      kept.push(item);
      weights.push(sum);
    }
    newOffsets[c + 1] = kept.length;
  }
  return { members: Uint32Array.from(kept), offsets: newOffsets, cumulative: Float64Array.from(weights) };
}

export function* categoryRecords(catalog: Catalog): Generator<IngestRecord> {
  for (const [c, id] of catalog.categoryIds.entries()) {
    yield { kind: 'category', category: { id, name: nthName(CATEGORY_NAMES, c) } };
  }
}

export function* tagRecords(catalog: Catalog): Generator<IngestRecord> {
  for (const [t, id] of catalog.tagIds.entries()) yield { kind: 'tag', tag: { id, name: nthName(TAG_WORDS, t) } };
}

/** The first draws of item i's stream: its brand and price (the catalog needs prices before the records). */
function itemHead(o: ResolvedDemoOptions, basePrice: number, i: number): { rng: Rng; brand: string; price: number } {
  const rng = rngFor(o.seed, STREAM.item, i);
  const brand = rng.pick(BRANDS);
  const price = Math.max(0.5, Math.round(basePrice * Math.exp(0.4 * rng.normal()) * 100) / 100);
  return { rng, brand, price };
}

/** Item i, drawn from its own random stream so it does not depend on how many items precede it. */
export function itemRecord(o: ResolvedDemoOptions, catalog: Catalog, i: number): IngestRecord {
  const c = catalog.itemCategory[i] ?? 0;
  const { rng, brand, price } = itemHead(o, catalog.basePrice[c] ?? 10, i);
  return {
    kind: 'item',
    item: {
      id: catalog.itemIds[i] ?? asItemId(`i${i + 1}`),
      title: `${brand} ${rng.pick(ADJECTIVES)} ${nthName(CATEGORY_NAMES, c)} ${i + 1}`,
      price,
      categoryIds: [catalog.categoryIds[c] ?? asCategoryId(`c${c + 1}`)],
      tagIds: pickTags(o, catalog, c, rng),
      attributes: { brand, colour: rng.pick(COLOURS) },
    },
  };
}

/** 1-3 distinct tags, mostly from the category's own tags (tag t belongs to category t mod C). */
function pickTags(o: ResolvedDemoOptions, catalog: Catalog, c: number, rng: Rng): TagId[] {
  const wanted = Math.min(o.tags, rng.between(1, 3));
  const ownTags = c < o.tags ? Math.ceil((o.tags - c) / o.categories) : 0;
  const chosen = new Set<number>();
  for (let attempt = 0; chosen.size < wanted && attempt < 20; attempt++) {
    chosen.add(ownTags > 0 && rng.chance(TAG_LOYALTY) ? c + o.categories * rng.int(ownTags) : rng.int(o.tags));
  }
  return [...chosen].map((t) => catalog.tagIds[t] ?? asTagId(`t${t + 1}`));
}
