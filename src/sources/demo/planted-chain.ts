/** The states of the planted session chain: every demo event type except `rating`. */
export const CHAIN_STATES = ['view', 'favourite', 'cart', 'purchase', 'cancel'] as const;
export type ChainState = (typeof CHAIN_STATES)[number];
export type ChainFrom = 'START' | ChainState;
export type ChainTo = ChainState | 'END';
/** A first-order chain over the session states: chain[from][to] = P(next = to | current = from). */
export type Chain = Readonly<Record<ChainFrom, Readonly<Record<ChainTo, number>>>>;

/**
 * The average shopper's first-order Markov chain: the churners' chain, and the reference the other customer
 * types deviate from (CUSTOMER_CHAINS). `PLANTED_CHAIN[from][to]` is P(next = to | current = from). `START`
 * is the distribution of a session's first event (its END is 0: no empty sessions); `END` is the probability
 * that the session stops after `from`. Each row sums to 1.
 *
 * How the generator uses a chain: a session draws its first state from START, emits it, then draws the next
 * state from the current row until END is drawn. A `view` (first or later) picks a new item; every other
 * state acts on the item currently in focus, so view -> cart -> purchase -> cancel follows one item through
 * the funnel. Sessions are never truncated (the event budget is checked only between sessions), so
 * sessionised transition counts of one type's users are unbiased estimates of its chain's rows, provided
 * sessions are split at gaps over 30 minutes (see DEMO_SESSION_GAP_MS); pooled over the whole shop they
 * estimate the mixture `demoTruth(options).chain` (mixChains weighted by the run's sessions of each type).
 */
export const PLANTED_CHAIN: Chain = {
  START: { view: 0.8, favourite: 0.05, cart: 0.1, purchase: 0.05, cancel: 0, END: 0 },
  view: { view: 0.5, favourite: 0.08, cart: 0.12, purchase: 0.02, cancel: 0, END: 0.28 },
  favourite: { view: 0.4, favourite: 0, cart: 0.25, purchase: 0.05, cancel: 0, END: 0.3 },
  cart: { view: 0.2, favourite: 0.02, cart: 0.05, purchase: 0.45, cancel: 0.03, END: 0.25 },
  purchase: { view: 0.25, favourite: 0.02, cart: 0.03, purchase: 0, cancel: 0.08, END: 0.62 },
  cancel: { view: 0.25, favourite: 0, cart: 0, purchase: 0, cancel: 0, END: 0.75 },
};

export const CHAIN_TARGETS: readonly ChainTo[] = [...CHAIN_STATES, 'END'];
/** Index of END in a sampled row. */
export const END_INDEX = CHAIN_STATES.length;
/** Index of START in the compiled table. */
export const START_INDEX = CHAIN_STATES.length;

/**
 * Cumulative rows for sampling: row i < 5 is CHAIN_STATES[i], row 5 is START; entry j < 5 is the
 * cumulative probability up to CHAIN_STATES[j], entry 5 (END) is 1.
 */
export function compileChain(chain: Chain): Float64Array[] {
  const froms: readonly ChainFrom[] = [...CHAIN_STATES, 'START'];
  return froms.map((from) => {
    const row = new Float64Array(CHAIN_TARGETS.length);
    let sum = 0;
    CHAIN_TARGETS.forEach((to, j) => {
      sum += chain[from][to];
      row[j] = sum;
    });
    row[CHAIN_TARGETS.length - 1] = 1; // guard against rounding: END absorbs the remainder
    return row;
  });
}

/** Index of the first cumulative entry above u. */
export function sampleRow(row: Float64Array, u: number): number {
  let j = 0;
  while (j < row.length - 1 && u >= (row[j] ?? 1)) j++;
  return j;
}
