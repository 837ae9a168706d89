// Settings of the in-memory serving state (serving-state.ts), kept apart from config.ts's model and
// weight settings. Milliseconds.
export interface ServingConfig {
  /**
   * Whether the hybrid's uncached pages read users, ties, interactions and item facts from the serving state
   * (no round trip) instead of cypher/recs/user-context, social and entities. Off costs 2-3 round trips per
   * uncached page and no memory; on holds every user, interaction and item (README "Limitations").
   */
  readonly inMemory: boolean;
  /** Longest a write from outside this process's API (a CLI load) takes to reach the state (re-read in the background). */
  readonly maxAgeMs: number;
}

export const SERVING_CONFIG: ServingConfig = { inMemory: true, maxAgeMs: 60_000 };
