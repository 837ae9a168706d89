// population.cypher's hasFriendWhoPurchased rule over the in-memory event logs and friend ties:
//   EXISTS { (u)-[:FRIEND]-(fr:User)-[:PERFORMED]->(p:Event {type: 'purchase'})
//            WHERE coalesce(fr.consentAnalytics, default) AND p.ts in [from, to] }
// A friend counts when their log is held (a purchase is an event, so a friend without a log has none), they
// consent to analytics (the log's attributes carry the coalesced flag) and a purchase falls in the window, on any
// item: the segment's categoryId does not apply to the friend's purchase, as in the Cypher file.
// Each friend is decided once per query (memo), by a binary search of the window and a scan of that run for a
// purchase: O(sum over the population's friends of log E + run length), each friend at most once.
import { stateCode, windowRun } from '../../algorithms/markov/index.ts';
import type { TimeWindow } from '../../storage/analytics-scope.ts';
import type { FriendTies } from './friend-ties.ts';
import type { UserEventLogs } from './user-event-logs.ts';

const PURCHASE = stateCode('purchase');

/** For one query (one window): whether a user has a friend who purchased in it. */
export function friendPurchaseRule(logs: UserEventLogs, ties: FriendTies, window: TimeWindow): (userId: string) => boolean {
  const purchased = new Map<string, boolean>();
  const purchaser = (id: string): boolean => {
    let p = purchased.get(id);
    if (p === undefined) {
      p = purchasedIn(logs, id, window);
      purchased.set(id, p);
    }
    return p;
  };
  return (userId) => {
    const friends = ties.friendsOf(userId);
    if (friends === undefined) return false;
    for (const f of friends) if (purchaser(f)) return true;
    return false;
  };
}

function purchasedIn(logs: UserEventLogs, userId: string, window: TimeWindow): boolean {
  const log = logs.get(userId);
  if (log === undefined || !log.attributes.consentAnalytics) return false;
  const { lo, hi } = windowRun(log.ts, window.from, window.to);
  for (let i = lo; i < hi; i++) if (log.codes[i] === PURCHASE) return true;
  return false;
}
