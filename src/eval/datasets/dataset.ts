// In-memory form of an evaluation data set: dense user/item indices plus the raw id of each index, one row per
// distinct (user, item) pair. Loaders live next to this file, one per data set.
import { buildCsr, type CsrMatrix } from '../../algorithms/recs/index.ts';

export interface Dataset {
  readonly name: string;
  readonly nUsers: number;
  readonly nItems: number;
  /** Raw id per dense index. */
  readonly userIds: readonly string[];
  readonly itemIds: readonly string[];
  /** One entry per distinct (user, item) pair. */
  readonly pairs: {
    readonly users: Int32Array;
    readonly items: Int32Array;
    /** Interaction strength (Last.fm: listening count; Taobao: number of events). */
    readonly weights: Float32Array;
    /** Unix seconds of the first interaction, when the data has time. */
    readonly times?: Float64Array;
    /** Unix seconds of the last interaction (the product's INTERACTED.lastTs), when the data has time. */
    readonly lastTimes?: Float64Array;
    /**
     * The INTERACTED weight the product's ingest stores for the pair (Last.fm: log(1 + plays); events: the
     * sum of src/domain/interaction-weights.ts), which the hybrid's sources read. Default: `weights`.
     */
    readonly edgeWeights?: Float32Array;
  };
  /** Undirected friendships, each stored once (a < b). */
  readonly friendships?: { readonly a: Int32Array; readonly b: Int32Array };
  /** Directed follows / trust (follower -> followee), each once; the generic format's `follow` rows. */
  readonly follows?: { readonly from: Int32Array; readonly to: Int32Array };
  /** items x features (tags, categories) with counts; used for intra-list diversity. */
  readonly itemFeatures?: CsrMatrix;
  /** The item attributes the product's CONTENT source matches (IN_CATEGORY / HAS_TAG edges). */
  readonly attributes?: ItemAttributes;
}

export interface ItemAttributes {
  /** items x categories. */
  readonly categories?: CsrMatrix;
  /** items x tags that belong to the catalogue (not applied by users). */
  readonly tags?: CsrMatrix;
  /**
   * Tags applied by users (Last.fm user_taggedartists), one entry per (user, item, tag); user -1 when the
   * tagger has no listening pair. Kept per assignment so an evaluation can drop what a user applied to
   * their own held-out items (that would leak the held-out pair).
   */
  readonly taggings?: { readonly users: Int32Array; readonly items: Int32Array; readonly tags: Int32Array; readonly nTags: number };
}

/** Assigns dense indices to raw ids in order of first appearance after sorting numerically if possible. */
export function indexIds(raw: Iterable<string>): { ids: string[]; index: Map<string, number> } {
  const uniq = [...new Set(raw)];
  uniq.sort((a, b) => {
    const na = Number(a);
    const nb = Number(b);
    return Number.isFinite(na) && Number.isFinite(nb) ? na - nb : a < b ? -1 : a > b ? 1 : 0;
  });
  return { ids: uniq, index: new Map(uniq.map((id, i) => [id, i])) };
}

/** One (user, item) pair folded from an event log (demo, generic): raw ids, strength, first/last time, stored weight. */
export interface FoldedPair {
  readonly u: string;
  readonly i: string;
  readonly first: number;
  readonly last: number;
  readonly edge: number;
}

type Index = { readonly index: ReadonlyMap<string, number> };

/** The pairs of an event-log data set as the Dataset's typed columns, `strength` giving each pair's weight. */
export function pairColumns<P extends FoldedPair>(ps: readonly P[], users: Index, items: Index, strength: (p: P) => number): Dataset['pairs'] {
  return {
    users: Int32Array.from(ps, (p) => users.index.get(p.u)!),
    items: Int32Array.from(ps, (p) => items.index.get(p.i)!),
    weights: Float32Array.from(ps, strength),
    times: Float64Array.from(ps, (p) => p.first),
    lastTimes: Float64Array.from(ps, (p) => p.last),
    edgeWeights: Float32Array.from(ps, (p) => p.edge),
  };
}

/** Item attributes from (item, category) and (item, tag) index lists: features for diversity, attributes for CONTENT. */
export function categoryTagFeatures(nItems: number, nCats: number, nTags: number, cats: { rows: number[]; cols: number[] }, tags: { rows: number[]; cols: number[] }): Pick<Dataset, 'itemFeatures' | 'attributes'> {
  return {
    // Diversity over categories and tags together.
    itemFeatures: buildCsr(nItems, nCats + nTags, { rows: [...cats.rows, ...tags.rows], cols: [...cats.cols, ...tags.cols.map((t) => nCats + t)] }),
    attributes: { categories: buildCsr(nItems, nCats, cats), tags: buildCsr(nItems, nTags, tags) },
  };
}
