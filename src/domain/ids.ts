// Branded ids: a UserId cannot be passed where an ItemId is expected, although both are strings at run time.
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

export type UserId = Brand<string, 'UserId'>;
export type ItemId = Brand<string, 'ItemId'>;
export type CategoryId = Brand<string, 'CategoryId'>;
export type TagId = Brand<string, 'TagId'>;
export type EventId = Brand<string, 'EventId'>;

export const asUserId = (s: string): UserId => s as UserId;
export const asItemId = (s: string): ItemId => s as ItemId;
export const asCategoryId = (s: string): CategoryId => s as CategoryId;
export const asTagId = (s: string): TagId => s as TagId;
export const asEventId = (s: string): EventId => s as EventId;
