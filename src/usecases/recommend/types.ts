// What the recommendation use cases exchange: candidates from one source (a Cypher strategy or the
// in-memory graph model), each with the evidence for its reason, and the blended, ranked result.
import type { Category, Tag, User } from '../../domain/entities.ts';
import type { CategoryId, ItemId, TagId, UserId } from '../../domain/ids.ts';
import type { ItemView } from '../../storage/catalog-store.ts';

export const STRATEGIES = ['POPULAR', 'ITEM_CF', 'USER_CF', 'CONTENT', 'SOCIAL', 'GRAPH', 'HYBRID'] as const;
export type Strategy = (typeof STRATEGIES)[number];

/** A candidate source. TRENDING is shown to clients as POPULAR. */
export type SourceName = Exclude<Strategy, 'HYBRID'> | 'TRENDING';

/** Evidence for one recommendation, as ids; the API loads the referenced entities through its loaders. */
export type ReasonData =
  | { readonly kind: 'SIMILAR_TO_ITEMS'; readonly itemIds: readonly ItemId[] }
  | { readonly kind: 'FRIENDS_LIKED'; readonly friendIds: readonly UserId[]; readonly count: number; readonly buyers: number }
  | { readonly kind: 'SHARED_ATTRIBUTES'; readonly categoryIds: readonly CategoryId[]; readonly tagIds: readonly TagId[] }
  /** personalisationOff: served instead of the requested strategy because the user refused personalisation. */
  | { readonly kind: 'POPULAR'; readonly categoryId: CategoryId | null; readonly interactions: number; readonly trending: boolean; readonly personalisationOff?: boolean }
  | { readonly kind: 'GRAPH_NEIGHBOURS'; readonly viaItemIds: readonly ItemId[]; readonly viaUserIds: readonly UserId[] }
  /** userIds: only neighbours who consented to social features are named; count: every contributing one. */
  | { readonly kind: 'SIMILAR_USERS'; readonly userIds: readonly UserId[]; readonly count: number }
  | { readonly kind: 'MUTUAL_FRIENDS'; readonly friendIds: readonly UserId[]; readonly count: number }
  | { readonly kind: 'SHARED_ITEMS'; readonly itemIds: readonly ItemId[]; readonly count: number }
  | { readonly kind: 'CO_INTERACTED'; readonly itemIds: readonly ItemId[]; readonly count: number };

export type ReasonKind = ReasonData['kind'];

export interface Candidate {
  readonly itemId: ItemId;
  readonly score: number;
  readonly reason: ReasonData;
}

/** One source's ranked candidates (score DESC, id ASC). */
export interface SourceList {
  readonly source: SourceName;
  readonly candidates: readonly Candidate[];
}

export interface RankedItem {
  readonly itemId: ItemId;
  readonly score: number;
  /** Contributing sources, strongest first. */
  readonly sources: readonly SourceName[];
  /** One reason per contributing source, in the same order. */
  readonly reasons: readonly ReasonData[];
}

/** What filtering and diversity need to know about an item (the API item projection). */
export type ItemFacts = ItemView;

export interface RecsFilter {
  readonly excludeItemIds: readonly ItemId[];
  readonly categoryIds: readonly CategoryId[];
  readonly minPrice: number | null;
  readonly maxPrice: number | null;
  readonly excludePurchased: boolean;
  readonly excludeSeen: boolean;
}

export const NO_FILTER: RecsFilter = { excludeItemIds: [], categoryIds: [], minPrice: null, maxPrice: null, excludePurchased: true, excludeSeen: true };

export interface Diversity {
  readonly mmrLambda: number | null;
  readonly maxPerCategory: number | null;
}

/** The user's state read at request time. */
export interface UserContext {
  readonly userId: UserId;
  /** Whether the user allows recommendations from their own history and ties (consent, or its default). */
  readonly personalisation: boolean;
  readonly items: readonly { readonly itemId: ItemId; readonly weight: number; readonly purchases: number; readonly lastTs: number | null }[];
  readonly friends: readonly UserId[];
  readonly following: readonly UserId[];
}

export interface PersonSuggestion {
  readonly userId: UserId;
  readonly score: number;
  readonly mutualFriends: number;
  readonly sharedItems: number;
  readonly reasons: readonly ReasonData[];
}

/** Ids of everything a page of results shows. */
export interface EntityIds {
  readonly itemIds: readonly ItemId[];
  readonly categoryIds: readonly CategoryId[];
  readonly tagIds: readonly TagId[];
  readonly userIds: readonly UserId[];
}

/** The entities a page shows, read in one round trip so the API can prime its loaders. */
export interface PageEntities {
  readonly items: ReadonlyMap<ItemId, ItemFacts>;
  readonly categories: readonly Category[];
  readonly tags: readonly Tag[];
  readonly users: readonly User[];
}
