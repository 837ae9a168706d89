import type { InteractionEvent } from '../../src/domain/events.ts';
import { DEMO_SESSION_GAP_MS } from '../../src/sources/demo/sessions.ts';

/** Splits events (user by user, time increasing per user) into sessions at gaps over 30 minutes. */
export function sessionsOf(events: readonly InteractionEvent[]): InteractionEvent[][] {
  const sessions: InteractionEvent[][] = [];
  let current: InteractionEvent[] = [];
  for (const e of events) {
    const prev = current[current.length - 1];
    if (prev !== undefined && (prev.userId !== e.userId || e.ts - prev.ts > DEMO_SESSION_GAP_MS)) {
      sessions.push(current);
      current = [];
    }
    current.push(e);
  }
  if (current.length > 0) sessions.push(current);
  return sessions;
}

/**
 * z-score of an observed share against its expected value p when the counted events come in clusters
 * (sessions): q = sum of counts in sessions inside the group / sum of all counts, and its standard error is
 * the cluster-robust one at p, sqrt(sum_s n_s^2 (1[s in group] - p)^2) / sum_s n_s. Sessions are independent
 * given each user's session count (their days are independent draws), events inside one session are not.
 */
export function clusteredShareZ(counts: readonly { n: number; inGroup: boolean }[], p: number): number {
  let total = 0;
  let inside = 0;
  let variance = 0;
  for (const { n, inGroup } of counts) {
    total += n;
    if (inGroup) inside += n;
    variance += n * n * ((inGroup ? 1 : 0) - p) ** 2;
  }
  return (inside / total - p) / (Math.sqrt(variance) / total);
}
