// The three ways to get transition counts, funnel counts and conversions for a scope, which must agree exactly
// (tested): 'cypher' aggregates in the database (cypher/analytics/transition-counts.cypher, funnel-counts.cypher,
// conversion-by-segment.cypher); 'ts' re-reads every user's raw sequence (sequences.cypher) and counts with the
// columnar markov functions (the full recount); 'memory' counts with the same functions over the event logs held
// in memory and kept current as events arrive (memory-counts.ts, live-event-logs.ts): no rescan.
// Which one the API uses per query is DEFAULT_COUNTING_PATHS, chosen from bench/analytics.ts.
import { AppError } from '../../domain/errors.ts';
import { invalidInput } from '../../domain/errors.ts';
import {
  MARKOV_STATES, NOT_A_STATE, addTransitions, countsFromRows, emptyCounts, funnel, funnelOfProgress, stateCode,
  type FunnelResult, type TransitionCounts,
} from '../../algorithms/markov/index.ts';
import type { LiveEventLogs } from './live-event-logs.ts';
import { memoryFunnelCounts, memoryTransitionCounts } from './memory-counts.ts';
import type { AnalyticsScope } from '../../storage/analytics-scope.ts';
import type { AnalyticsStore, FunnelCounts, UserSequence } from '../../storage/analytics-store.ts';

export type CountingPath = 'cypher' | 'ts' | 'memory';

export interface CountingPaths {
  readonly transitions: CountingPath;
  readonly funnel: CountingPath;
  /** conversionRate: 'ts' is not offered (it would be the Cypher population plus a recount: no new check). */
  readonly conversion: Exclude<CountingPath, 'ts'>;
}

/**
 * Measured in bench/analytics.ts (bench/out/analytics.md) on 1M demo events, same run, identical results:
 * transition matrix 12 s in TypeScript vs 31 s in Cypher, funnel 11 s vs 44 s (2 CPUs, shared machine).
 * The Cypher aggregation sorts every event globally before collect; the TypeScript path streams unordered
 * per-user lists and sorts each small list. (At 30k events Cypher won the matrix, 0.7 s vs 1.9 s.)
 */
export const DEFAULT_COUNTING_PATHS: CountingPaths = { transitions: 'memory', funnel: 'memory', conversion: 'memory' };

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
  live?: LiveEventLogs,
): Promise<ScopeCounts> {
  if (path === 'memory') return memoryTransitionCounts(needLogs(live), store, scope, gapMs, asOf);
  if (path === 'cypher') {
    const rows = await store.transitionCounts(scope, gapMs, asOf);
    return { counts: countsFromRows(rows, MARKOV_STATES), users: rows.reduce((n, r) => n + r.users, 0) };
  }
  const sequences = await store.sequences(scope);
  return { counts: countSequences(sequences, gapMs, asOf), users: sequences.length };
}

/**
 * Sorts each sequence by (ts, id) into columns and counts its transitions with addTransitions, the function the
 * in-memory path uses (so the two differ only in which events they select). Pure, O(E log E).
 */
export function countSequences(sequences: readonly UserSequence[], gapMs: number, asOf: number | null): TransitionCounts {
  if (!(gapMs > 0)) throw invalidInput('gapMs must be a positive number', { gapMs });
  const acc = emptyCounts(MARKOV_STATES);
  for (const s of sequences) {
    const { ts, codes } = columnsOf(s);
    addTransitions(acc.counts, acc.rowTotals, ts, codes, { lo: 0, hi: ts.length, itemOf: null, itemMask: null }, gapMs, asOf);
  }
  return acc;
}

/** One sequence as (ts, id)-sorted columns; a type that is not a state is INVALID_INPUT naming the event. */
function columnsOf(s: UserSequence): { ts: Float64Array; codes: Uint8Array } {
  const events = [...s.events].sort((a, b) => a.ts - b.ts || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ts = new Float64Array(events.length);
  const codes = new Uint8Array(events.length);
  events.forEach((e, i) => {
    if (!Number.isFinite(e.ts)) throw invalidInput(`event '${e.id}' has a non-finite timestamp`, { eventId: e.id });
    const c = stateCode(e.type);
    if (c === NOT_A_STATE) {
      throw invalidInput(`event '${e.id}' has type '${e.type}', which is not a state of the behaviour chain`, { eventId: e.id, type: e.type });
    }
    ts[i] = e.ts;
    codes[i] = c;
  });
  return { ts, codes };
}

export async function funnelCountsFor(
  store: AnalyticsStore,
  scope: AnalyticsScope,
  steps: readonly string[],
  windowMs: number,
  path: CountingPath,
  live?: LiveEventLogs,
): Promise<FunnelCounts> {
  if (path === 'cypher') return store.funnelCounts(scope, steps, windowMs);
  if (path === 'memory') return toFunnelCounts(funnelOfProgress(await memoryFunnelCounts(needLogs(live), store, scope, steps, windowMs), steps));
  return funnelOfSequences(await store.sequences(scope), steps, windowMs);
}

/** The pure funnel over the sequences, in the shape funnel-counts.cypher returns. */
export function funnelOfSequences(sequences: readonly UserSequence[], steps: readonly string[], windowMs: number): FunnelCounts {
  return toFunnelCounts(funnel(sequences.map((s) => s.events), steps, windowMs));
}

/** A funnel result in the shape funnel-counts.cypher returns. */
function toFunnelCounts(result: FunnelResult): FunnelCounts {
  return {
    totalUsers: result.totalUsers,
    steps: result.steps.map((s, k) => {
      // The first step's time from start is 0 for everyone; the Cypher file reports it the same way.
      const stats = k === 0 ? (s.users > 0 ? { median: 0, p90: 0 } : null) : s.timeToReach;
      return { state: s.step, users: s.users, medianMs: stats?.median ?? null, p90Ms: stats?.p90 ?? null };
    }),
  };
}

function needLogs(live: LiveEventLogs | undefined): LiveEventLogs {
  if (live === undefined) throw new Error("the 'memory' counting path needs the service's in-memory event logs");
  return live;
}

/** NOT_FOUND for a population with no users: the segment and window matched nobody with events. */
export function emptyPopulation(): AppError {
  return new AppError('NOT_FOUND', 'no users match the segment with events in the time window', { reason: 'EMPTY_SEGMENT' });
}
