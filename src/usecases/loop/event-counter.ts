import type { ItemId, UserId } from '../../domain/ids.ts';
import { IGNORE_WRITES, type WriteObserver } from '../live/write-observer.ts';

/**
 * Counts the interactions recorded through this process's live path (monotonic, never reset): the GRAPH
 * model stamps the count when it reads the graph, so "events since the fit" is a subtraction, and the
 * refresh scheduler listens to refit after N new events. With several replicas the replica sync replays
 * the others' interactions here too (replica-sync.ts); loads from the CLI are not seen.
 */
export class EventCounter implements WriteObserver {
  private count = 0;
  private readonly listeners = new Set<() => void>();

  get total(): number {
    return this.count;
  }

  /** Calls `listener` after each recorded interaction; returns the unsubscribe. */
  onRecorded(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  interactionRecorded(_userId: UserId, _itemId: ItemId): void {
    this.count++;
    for (const l of this.listeners) l();
  }

  usersLinked = IGNORE_WRITES.usersLinked;
  userUpserted = IGNORE_WRITES.userUpserted;
  itemUpserted = IGNORE_WRITES.itemUpserted;
}
