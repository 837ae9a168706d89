import type { ConsentFlags } from './consent.ts';
import type { CategoryId, ItemId, TagId, UserId } from './ids.ts';

export interface User {
  readonly id: UserId;
  readonly name?: string;
  readonly age?: number;
  readonly gender?: string;
  readonly location?: string;
  /** The user's recorded consent choices per purpose (absent: the configured default applies). */
  readonly consent?: ConsentFlags;
  readonly createdAt?: number;
}

export interface Item {
  readonly id: ItemId;
  readonly title?: string;
  readonly price?: number;
  readonly categoryIds?: readonly CategoryId[];
  readonly tagIds?: readonly TagId[];
  /** Free-form string attributes (brand, colour, ...). */
  readonly attributes?: Readonly<Record<string, string>>;
}

export interface Category {
  readonly id: CategoryId;
  readonly name?: string;
}

export interface Tag {
  readonly id: TagId;
  readonly name?: string;
}

/**
 * Social edges. FRIEND is symmetric (stored once, read in both directions);
 * FOLLOWS is directed (trust/follow).
 */
export type SocialKind = 'FRIEND' | 'FOLLOWS';
export interface SocialEdge {
  readonly kind: SocialKind;
  readonly from: UserId;
  readonly to: UserId;
  readonly since?: number;
}

/**
 * An aggregated user-item interaction with no event timeline (e.g. Last.fm listening counts):
 * written straight onto the INTERACTED edge, no Event node.
 */
export interface AggregateInteraction {
  readonly userId: UserId;
  readonly itemId: ItemId;
  /** e.g. listening count; stored as `plays` on the edge. */
  readonly count: number;
}

export interface ItemTag {
  readonly itemId: ItemId;
  readonly tagId: TagId;
  /** How many users applied the tag to the item. */
  readonly count: number;
}
