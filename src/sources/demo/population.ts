import { asUserId, type UserId } from '../../domain/ids.ts';
import type { IngestRecord } from '../../domain/ingest.ts';
import { CUSTOMER_PROFILES, CUSTOMER_TYPES, customerOf } from './customer-types.ts';
import type { ResolvedDemoOptions } from './demo-options.ts';
import { CITIES, FIRST_NAMES } from './names.ts';
import { STREAM, rngFor } from './prng.ts';

/** Categories each community prefers (fewer when the shop has fewer categories). */
export const PREFERRED_PER_COMMUNITY = 3;

/**
 * Who belongs where, and how active each user is. Communities drive both the friend graph and the
 * categories users browse, which is what makes the social signal real.
 */
export interface Population {
  readonly userIds: readonly UserId[];
  readonly community: Uint32Array;
  /** Users of community k: membersOf[k]. */
  readonly membersOf: readonly Uint32Array[];
  /** Preferred category indexes of community k. */
  readonly preferred: readonly Uint32Array[];
  /** Planted customer type of user u: an index into CUSTOMER_TYPES. */
  readonly type: Uint8Array;
  /** Days from the period start user u is active (churners stop earlier than the period's end). */
  readonly activeDays: Uint32Array;
  /** Events generated once user u is done: sessions continue while the running total is below it. */
  readonly budgetEnd: Float64Array;
}

export function buildPopulation(o: ResolvedDemoOptions): Population {
  const rng = rngFor(o.seed, STREAM.population);
  const community = new Uint32Array(o.users);
  const sizes = new Uint32Array(o.communities);
  for (let u = 0; u < o.users; u++) {
    const k = u < o.communities ? u : rng.int(o.communities); // no empty community
    community[u] = k;
    sizes[k] = (sizes[k] ?? 0) + 1;
  }
  const membersOf = Array.from(sizes, (n) => new Uint32Array(n));
  const filled = new Uint32Array(o.communities);
  for (let u = 0; u < o.users; u++) {
    const k = community[u] ?? 0;
    const list = membersOf[k];
    if (list === undefined) continue;
    list[filled[k] ?? 0] = u;
    filled[k] = (filled[k] ?? 0) + 1;
  }
  const perCommunity = Math.min(PREFERRED_PER_COMMUNITY, o.categories);
  const preferred = Array.from({ length: o.communities }, () => {
    const chosen = new Set<number>();
    while (chosen.size < perCommunity) chosen.add(rng.int(o.categories));
    return Uint32Array.from(chosen);
  });
  const type = new Uint8Array(o.users);
  const activeDays = new Uint32Array(o.users);
  for (let u = 0; u < o.users; u++) {
    const customer = customerOf(o, u);
    type[u] = CUSTOMER_TYPES.indexOf(customer.type);
    activeDays[u] = customer.activeDays;
  }
  // Log-normal activity weights (a few heavy users, many light ones) scaled by the user's type.
  const weights = Array.from({ length: o.users }, (_, u) => {
    const profile = CUSTOMER_PROFILES[CUSTOMER_TYPES[type[u] ?? 0] ?? 'casual'];
    return profile.activity * Math.exp(profile.activitySigma * rng.normal());
  });
  const total = weights.reduce((a, b) => a + b, 0);
  const budgetEnd = new Float64Array(o.users);
  let running = 0;
  for (let u = 0; u < o.users; u++) {
    running += weights[u] ?? 0;
    budgetEnd[u] = (o.eventsTarget * running) / total;
  }
  return {
    userIds: Array.from({ length: o.users }, (_, u) => asUserId(`u${u + 1}`)),
    community,
    membersOf,
    preferred,
    type,
    activeDays,
    budgetEnd,
  };
}

const GENDERS = ['female', 'male', 'nonbinary'] as const;
const YEAR_MS = 365 * 24 * 3600 * 1000;

/** User u's profile, from its own random stream. */
export function userRecord(o: ResolvedDemoOptions, population: Population, u: number): IngestRecord {
  const rng = rngFor(o.seed, STREAM.user, u);
  const g = rng.next();
  const name = `${rng.pick(FIRST_NAMES)} ${String.fromCharCode(65 + rng.int(26))}.`;
  const age = rng.between(16, 80);
  const location = rng.pick(CITIES);
  const social = rng.chance(0.8);
  const createdAt = o.startTs - Math.floor(rng.next() * 2 * YEAR_MS);
  // Drawn after the attributes older presets had, so every earlier value (and the data sets built on
  // them) stays the same: about 1 in 20 users refuses personalisation and 1 in 20 refuses analytics.
  const personalisation = rng.chance(0.95);
  const analytics = rng.chance(0.95);
  return {
    kind: 'user',
    user: {
      id: population.userIds[u] ?? asUserId(`u${u + 1}`),
      name,
      age,
      gender: g < 0.49 ? GENDERS[0] : g < 0.98 ? GENDERS[1] : GENDERS[2],
      location,
      consent: { personalisation, social, analytics },
      createdAt,
    },
  };
}
