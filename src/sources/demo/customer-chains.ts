import type { CustomerType } from './customer-types.ts';
import { CHAIN_STATES, CHAIN_TARGETS, type Chain, type ChainFrom, type ChainTo, PLANTED_CHAIN } from './planted-chain.ts';

/**
 * Each customer type's session chain. Every chain has the zeros of PLANTED_CHAIN (so the shop's mixture has
 * them too); the types differ where a segmentation can see it: loyal shoppers start more sessions at the
 * cart and buy 75 % of carts; bargain hunters keep viewing and buy 15 % of carts, cancelling more; casual
 * visitors mostly view and leave. After a cancel most shoppers leave (the rare cancel row then has a small
 * variance, so estimates of the shop's chain are tight even there).
 */
export const CUSTOMER_CHAINS: Readonly<Record<CustomerType, Chain>> = {
  loyal: {
    START: { view: 0.6, favourite: 0.05, cart: 0.2, purchase: 0.15, cancel: 0, END: 0 },
    view: { view: 0.35, favourite: 0.08, cart: 0.25, purchase: 0.05, cancel: 0, END: 0.27 },
    favourite: { view: 0.35, favourite: 0, cart: 0.35, purchase: 0.1, cancel: 0, END: 0.2 },
    cart: { view: 0.1, favourite: 0.02, cart: 0.03, purchase: 0.75, cancel: 0.02, END: 0.08 },
    purchase: { view: 0.25, favourite: 0.02, cart: 0.04, purchase: 0, cancel: 0.03, END: 0.66 },
    cancel: { view: 0.05, favourite: 0, cart: 0, purchase: 0, cancel: 0, END: 0.95 },
  },
  bargain: {
    START: { view: 0.92, favourite: 0.03, cart: 0.04, purchase: 0.01, cancel: 0, END: 0 },
    view: { view: 0.68, favourite: 0.08, cart: 0.08, purchase: 0.005, cancel: 0, END: 0.155 },
    favourite: { view: 0.6, favourite: 0, cart: 0.15, purchase: 0.02, cancel: 0, END: 0.23 },
    cart: { view: 0.45, favourite: 0.03, cart: 0.05, purchase: 0.15, cancel: 0.02, END: 0.3 },
    purchase: { view: 0.4, favourite: 0.02, cart: 0.03, purchase: 0, cancel: 0.15, END: 0.4 },
    cancel: { view: 0.1, favourite: 0, cart: 0, purchase: 0, cancel: 0, END: 0.9 },
  },
  churner: PLANTED_CHAIN,
  casual: {
    START: { view: 0.9, favourite: 0.04, cart: 0.04, purchase: 0.02, cancel: 0, END: 0 },
    view: { view: 0.4, favourite: 0.06, cart: 0.07, purchase: 0.01, cancel: 0, END: 0.46 },
    favourite: { view: 0.4, favourite: 0, cart: 0.2, purchase: 0.03, cancel: 0, END: 0.37 },
    cart: { view: 0.25, favourite: 0.02, cart: 0.05, purchase: 0.35, cancel: 0.03, END: 0.3 },
    purchase: { view: 0.2, favourite: 0.02, cart: 0.02, purchase: 0, cancel: 0.06, END: 0.7 },
    cancel: { view: 0.05, favourite: 0, cart: 0, purchase: 0, cancel: 0, END: 0.95 },
  },
};

/**
 * Expected visits to each state in one session (CHAIN_STATES order): the row vector v solving
 * v (I - Q) = start, Q the chain restricted to the transient states (the fundamental matrix of an absorbing
 * chain, Kemeny & Snell 1960). Gaussian elimination with partial pivoting on the 5 x 5 system.
 */
export function expectedVisits(chain: Chain): Float64Array {
  const n = CHAIN_STATES.length;
  // Rows of (I - Q)^T augmented with start: equation j is sum_i v_i (delta_ij - Q_ij) = start_j.
  const a = CHAIN_STATES.map((to, j) => {
    const row = CHAIN_STATES.map((from, i) => (i === j ? 1 : 0) - chain[from][to]);
    return [...row, chain.START[to]];
  });
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r]?.[col] ?? 0) > Math.abs(a[pivot]?.[col] ?? 0)) pivot = r;
    const p = a[pivot];
    const q = a[col];
    if (p === undefined || q === undefined) continue;
    a[col] = p;
    a[pivot] = q;
    for (let r = 0; r < n; r++) {
      const row = a[r];
      if (r === col || row === undefined) continue;
      const f = (row[col] ?? 0) / (p[col] ?? 1);
      for (let k = col; k <= n; k++) row[k] = (row[k] ?? 0) - f * (p[k] ?? 0);
    }
  }
  return Float64Array.from(a, (row, i) => (row[n] ?? 0) / (row[i] ?? 1));
}

/** Expected events per session: the sum of the expected visits. */
export const meanSessionLength = (chain: Chain): number => expectedVisits(chain).reduce((s, v) => s + v, 0);

/**
 * The chain pooled sessionised counts estimate when each type contributes `sessions[type]` sessions: the
 * START row is the session-weighted mean of the types' START rows; row `from` is the mean weighted by
 * sessions times expected visits to `from` (the transitions out of `from` each type contributes).
 */
export function mixChains(sessions: Readonly<Record<CustomerType, number>>): Chain {
  const types = Object.keys(CUSTOMER_CHAINS) as CustomerType[];
  const visits = new Map(types.map((t) => [t, expectedVisits(CUSTOMER_CHAINS[t])]));
  const row = (from: ChainFrom): Record<ChainTo, number> => {
    const i = from === 'START' ? -1 : CHAIN_STATES.indexOf(from);
    const weight = (t: CustomerType): number => sessions[t] * (from === 'START' ? 1 : (visits.get(t)?.[i] ?? 0));
    const total = types.reduce((s, t) => s + weight(t), 0);
    const out = { view: 0, favourite: 0, cart: 0, purchase: 0, cancel: 0, END: 0 };
    for (const to of CHAIN_TARGETS) out[to] = types.reduce((s, t) => s + weight(t) * CUSTOMER_CHAINS[t][from][to], 0) / total;
    return out;
  };
  return {
    START: row('START'),
    view: row('view'),
    favourite: row('favourite'),
    cart: row('cart'),
    purchase: row('purchase'),
    cancel: row('cancel'),
  };
}
