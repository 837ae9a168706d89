// The two ways to get transition counts and funnel counts for a scope, which must agree exactly (tested):
// 'cypher' aggregates in the database (cypher/analytics/transition-counts.cypher, funnel-counts.cypher);
// 'ts' reads every user's raw sequence (sequences.cypher) and counts with the pure markov functions.
// Which one the API uses per query is DEFAULT_COUNTING_PATHS, chosen from bench/analytics.ts.
import { AppError } from '../../domain/errors.ts';
import {
  MARKOV_STATES, countTransitions, countsFromRows, funnel, toStatePath, type TransitionCounts,
} from '../../algorithms/markov/index.ts';
import type { AnalyticsScope } from '../../storage/analytics-scope.ts';
import type { AnalyticsStore, FunnelCounts, UserSequence } from '../../storage/analytics-store.ts';

export type CountingPath = 'cypher' | 'ts';

export interface CountingPaths {
  readonly transitions: CountingPath;
  readonly funnel: CountingPath;
}

/**
 * Measured in bench/analytics.ts (bench/out/analytics.md) on 1M demo events, same run, identical results:
 * transition matrix 12 s in TypeScript vs 31 s in Cypher, funnel 11 s vs 44 s (2 CPUs, shared machine).
 * The Cypher aggregation sorts every event globally before collect; the TypeScript path streams unordered
 * per-user lists and sorts each small list. (At 30k events Cypher won the matrix, 0.7 s vs 1.9 s.)
 */
export const DEFAULT_COUNTING_PATHS: CountingPaths = { transitions: 'ts', funnel: 'ts' };

export interface ScopeCounts {
  readonly counts: TransitionCounts;
  /** Users in the population: segment members with at least one event in the window. */
  readonly users: number;
}

export async function transitionCountsFor(
  store: AnalyticsStore,
  scope: AnalyticsScope,
  gapMs: number,
  asOf: number | null,
  path: CountingPath,
): Promise<ScopeCounts> {
  if (path === 'cypher') {
    const rows = await store.transitionCounts(scope, gapMs, asOf);
    return { counts: countsFromRows(rows, MARKOV_STATES), users: rows.reduce((n, r) => n + r.users, 0) };
  }
  const sequences = await store.sequences(scope);
  return { counts: countSequences(sequences, gapMs, asOf), users: sequences.length };
}

/** Sessionizes each sequence (sorted by (ts, id)) and counts transitions; pure, O(E log E). */
export function countSequences(sequences: readonly UserSequence[], gapMs: number, asOf: number | null): TransitionCounts {
  return countTransitions(
    (function* paths() {
      for (const s of sequences) {
        const lastTs = s.events.reduce((m, e) => Math.max(m, e.ts), -Infinity);
        yield toStatePath(s.events, { gapMs, closeLastSession: asOf === null || asOf - lastTs > gapMs });
      }
    })(),
    MARKOV_STATES,
  );
}

export async function funnelCountsFor(
  store: AnalyticsStore,
  scope: AnalyticsScope,
  steps: readonly string[],
  windowMs: number,
  path: CountingPath,
): Promise<FunnelCounts> {
  if (path === 'cypher') return store.funnelCounts(scope, steps, windowMs);
  return funnelOfSequences(await store.sequences(scope), steps, windowMs);
}

/** The pure funnel over the sequences, in the shape funnel-counts.cypher returns. */
export function funnelOfSequences(sequences: readonly UserSequence[], steps: readonly string[], windowMs: number): FunnelCounts {
  const result = funnel(sequences.map((s) => s.events), steps, windowMs);
  return {
    totalUsers: result.totalUsers,
    steps: result.steps.map((s, k) => {
      // The first step's time from start is 0 for everyone; the Cypher file reports it the same way.
      const stats = k === 0 ? (s.users > 0 ? { median: 0, p90: 0 } : null) : s.timeToReach;
      return { state: s.step, users: s.users, medianMs: stats?.median ?? null, p90Ms: stats?.p90 ?? null };
    }),
  };
}

/** NOT_FOUND for a population with no users: the segment and window matched nobody with events. */
export function emptyPopulation(): AppError {
  return new AppError('NOT_FOUND', 'no users match the segment with events in the time window', { reason: 'EMPTY_SEGMENT' });
}
