import type { Purpose } from '../../domain/consent.ts';
import type { ItemId, UserId } from '../../domain/ids.ts';

/**
 * Told about every write the live use cases made (after it committed), so state derived from the graph in
 * this process (the recommendation page cache, in-memory indexes) can drop what the write changed at once.
 * Other API replicas' writes arrive through the replica sync (replica-sync.ts), which replays them here; writes
 * from elsewhere (CLI loads) are not seen, and those caches bound them with a TTL.
 */
export interface WriteObserver {
  /** A new interaction of `userId` (not called for a retried event id that changed nothing). */
  interactionRecorded(userId: UserId, itemId: ItemId): void;
  /** A FRIEND or FOLLOWS edge between the two users was added or removed. */
  usersLinked(a: UserId, b: UserId): void;
  /** The user's attributes (name, consent, ...) were written; `consent`: the purposes whose flag was written. */
  userUpserted(userId: UserId, consent?: readonly Purpose[]): void;
  /** The item's attributes, categories or tags were written. */
  itemUpserted(itemId: ItemId): void;
}

/** For callers with nothing derived to keep fresh (scripts, tests of the write path alone). */
export const IGNORE_WRITES: WriteObserver = {
  interactionRecorded: () => {},
  usersLinked: () => {},
  userUpserted: () => {},
  itemUpserted: () => {},
};

/** Tells each observer in turn (the composition root combines the caches and the event counter). */
export function fanOutWrites(...observers: readonly WriteObserver[]): WriteObserver {
  return {
    interactionRecorded: (userId, itemId) => observers.forEach((o) => o.interactionRecorded(userId, itemId)),
    usersLinked: (a, b) => observers.forEach((o) => o.usersLinked(a, b)),
    userUpserted: (userId, consent) => observers.forEach((o) => o.userUpserted(userId, consent)),
    itemUpserted: (itemId) => observers.forEach((o) => o.itemUpserted(itemId)),
  };
}
