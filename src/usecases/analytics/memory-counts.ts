// The 'memory' counting path: transition counts, funnel progress and conversion over the in-memory event logs
// (live-event-logs.ts) instead of events read from Neo4j. The population is resolved in memory too, from the
// attributes held next to each log, with population.cypher's rules (population-rules.ts: consent, gender, age,
// location, acquisition window, per-user breakdown groups) and, for hasFriendWhoPurchased (filter or breakdown),
// the friend ties held next to the logs (live-friend-ties.ts, friend-purchase-rule.ts). The graph is read only for
// a saved segment's version (segment-members.cypher, one indexed read; the member ids travel only when it changed:
// segment-members-cache.ts) and, with categoryId, the category's items: the filter becomes an item mask
// (category-items.cypher), and each user's window is a binary-searched run of their sorted columns.
// Counting is algorithms/markov/event-columns.ts, the same functions the recount path ('ts') uses, so the two
// agree exactly (test/analytics/memory-counts.int.test.ts).
// Any window [from, to] (inclusive, to the millisecond) is exact: nothing is pre-bucketed, so there is no
// alignment to respect; the cost is O(U log E_u + E_window) in memory for the U users held (or named by userIds
// / the saved segment), with no population transfer; hasFriendWhoPurchased adds O(log E_f + run) per distinct
// friend of those users.
import {
  MARKOV_STATES, addTransitions, emptyCounts, funnelProgress, hasAction, stateCode, windowRun,
  type EventSelection, type FunnelProgress,
} from '../../algorithms/markov/index.ts';
import type { AnalyticsScope } from '../../storage/analytics-scope.ts';
import type { AnalyticsStore, ConversionBreakdown, SegmentConversion } from '../../storage/analytics-store.ts';
import type { ScopeCounts } from './counting-paths.ts';
import { friendPurchaseRule } from './friend-purchase-rule.ts';
import { groupOf, keepsUser, needsFriendTies } from './population-rules.ts';
import type { LiveEventLogs } from './live-event-logs.ts';
import type { UserEventLogs, UserLog } from './user-event-logs.ts';

/** The population's logs with their window runs; users with no selected event are still listed (checked per query). */
interface ScopeSelection {
  readonly logs: UserEventLogs;
  readonly users: readonly { readonly log: UserLog; readonly sel: EventSelection; readonly group: string }[];
}

async function select(
  live: LiveEventLogs,
  store: AnalyticsStore,
  scope: AnalyticsScope,
  breakdown: Exclude<ConversionBreakdown, 'CATEGORY'> | null = null,
): Promise<ScopeSelection> {
  const { segment } = scope;
  const categoryId = segment.categoryId;
  const [logs, ties, ids, categoryItems] = await Promise.all([
    live.current(),
    // The ties only when the rule is asked for: other queries never read or check them.
    needsFriendTies(segment, breakdown) ? live.friends.current() : Promise.resolve(null),
    populationIds(live, segment),
    categoryId === null ? Promise.resolve(null) : store.categoryItems(categoryId),
  ]);
  const itemMask = categoryItems === null ? null : logs.itemMask(categoryItems);
  const { from, to } = scope.window;
  const friendPurchased = ties === null ? null : friendPurchaseRule(logs, ties, scope.window);
  const users: ScopeSelection['users'][number][] = [];
  const keep = (id: string, log: UserLog): void => {
    if (!keepsUser(log.attributes, segment)) return;
    const { lo, hi } = windowRun(log.ts, from, to);
    if (lo >= hi) return;
    // After the cheaper rules and the window: the friend rule is decided only for users still in.
    const hasFriend = friendPurchased === null ? null : friendPurchased(id);
    if (segment.hasFriendWhoPurchased !== null && hasFriend !== segment.hasFriendWhoPurchased) return;
    const group = breakdown === 'HAS_FRIEND_WHO_PURCHASED' ? String(hasFriend) : groupOf(log.attributes, breakdown);
    users.push({ log, sel: { lo, hi, itemOf: itemMask === null ? null : log.items, itemMask }, group });
  };
  if (ids === null) {
    for (const [id, log] of logs.entries()) keep(id, log);
  } else {
    for (const id of ids) {
      const log = logs.get(id);
      if (log !== undefined) keep(id, log);
    }
  }
  return { logs, users };
}

/** The users named by userIds and / or the saved segment (null: every held user). */
async function populationIds(live: LiveEventLogs, s: AnalyticsScope['segment']): Promise<ReadonlySet<string> | null> {
  // A Set: `u.id IN $userIds` keeps each user once however often listed.
  const ids: Set<string> | null = s.userIds === null ? null : new Set(s.userIds);
  if (s.segmentId === null) return ids;
  const members = await live.segments.members(s.segmentId);
  return ids === null ? members : new Set([...ids].filter((id) => members.has(id)));
}

export async function memoryTransitionCounts(
  live: LiveEventLogs,
  store: AnalyticsStore,
  scope: AnalyticsScope,
  gapMs: number,
  asOf: number | null,
): Promise<ScopeCounts> {
  const { users } = await select(live, store, scope);
  const counts = emptyCounts(MARKOV_STATES);
  let n = 0;
  for (const u of users) {
    if (addTransitions(counts.counts, counts.rowTotals, u.log.ts, u.log.codes, u.sel, gapMs, asOf) > 0) n++;
  }
  return { counts, users: n };
}

/** Each population user's best funnel attempt over their selected events (summed by funnelOfProgress). */
export async function memoryFunnelCounts(
  live: LiveEventLogs,
  store: AnalyticsStore,
  scope: AnalyticsScope,
  steps: readonly string[],
  windowMs: number,
): Promise<FunnelProgress[]> {
  const { users } = await select(live, store, scope);
  // Steps are behaviour states (checked by the service); their codes compare with the logs' codes.
  const stepCodes = steps.map(stateCode);
  const out: FunnelProgress[] = [];
  for (const u of users) {
    // -1 matches no code: only the count of selected events is wanted (0: not in the population).
    if (hasAction(u.log.codes, u.sel, -1).events === 0) continue;
    out.push(funnelProgress(u.log.ts, u.log.codes, u.sel, stepCodes, windowMs));
  }
  return out;
}

/** conversion-by-segment.cypher's rows (numerator, denominator per group) for a per-user breakdown or none. */
export async function memoryConversion(
  live: LiveEventLogs,
  store: AnalyticsStore,
  scope: AnalyticsScope,
  action: string,
  breakdown: Exclude<ConversionBreakdown, 'CATEGORY'> | null,
): Promise<SegmentConversion[]> {
  const { users } = await select(live, store, scope, breakdown);
  const code = stateCode(action);
  const groups = new Map<string, { numerator: number; denominator: number }>();
  for (const u of users) {
    const r = hasAction(u.log.codes, u.sel, code);
    if (r.events === 0) continue;
    const g = groups.get(u.group) ?? { numerator: 0, denominator: 0 };
    g.denominator++;
    if (r.converted) g.numerator++;
    groups.set(u.group, g);
  }
  // The Cypher file orders groups by name (code-unit order of Cypher strings).
  return [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([segment, g]) => ({ segment, ...g }));
}
