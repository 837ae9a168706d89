import { z } from 'zod';
import { invalidInput } from '../../domain/errors.ts';

export interface DemoOptions {
  /** Any unsigned 32-bit integer; same seed and options => identical rows. */
  readonly seed: number;
  readonly users: number;
  readonly items: number;
  readonly categories: number;
  /** Events to generate; the total overshoots by less than one session (sessions are never cut). */
  readonly eventsTarget: number;
  /** Distinct tags (default 4 per category). */
  readonly tags?: number;
  /** Friend communities (default one per 25 users, at least 2). */
  readonly communities?: number;
  /** Mean friends per user (default 8). */
  readonly avgFriends?: number;
  /** P(a friendship stays inside the community) (default 0.85). */
  readonly communityLoyalty?: number;
  /** P(a browsed item comes from the community's preferred categories) (default 0.75). */
  readonly categoryLoyalty?: number;
  /** Epoch ms of the first possible event (default 2024-01-01T00:00:00Z, a Monday). */
  readonly startTs?: number;
  /** Length of the period the sessions spread over, in weeks from startTs (default 16). */
  readonly weeks?: number;
}

/** Options with every default filled in. */
export type ResolvedDemoOptions = Required<DemoOptions>;

const count = (min: number) => z.number().int().min(min).max(50_000_000);
const probability = z.number().min(0).max(1);

const schema = z
  .object({
    seed: z.number().int().min(0).max(0xffffffff),
    users: count(2),
    items: count(1),
    categories: count(1),
    eventsTarget: count(0),
    tags: count(1).optional(),
    communities: count(1).optional(),
    avgFriends: z.number().min(0).max(1000).optional(),
    communityLoyalty: probability.optional(),
    categoryLoyalty: probability.optional(),
    startTs: z.number().int().min(0).optional(),
    weeks: z.number().int().min(1).max(520).optional(),
  })
  .strict()
  .refine((o) => o.items >= o.categories, { message: 'items must be at least categories (every category holds an item)' })
  .refine((o) => (o.communities ?? 2) <= o.users, { message: 'communities must not exceed users' });

/** Validates once, at construction (dataloader-style), and fills defaults. */
export function resolveDemoOptions(options: DemoOptions): ResolvedDemoOptions {
  const parsed = schema.safeParse(options);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'options'}: ${i.message}`);
    throw invalidInput(`Invalid demo options: ${issues.join('; ')}`, { issues });
  }
  const o = parsed.data;
  return {
    seed: o.seed,
    users: o.users,
    items: o.items,
    categories: o.categories,
    eventsTarget: o.eventsTarget,
    tags: o.tags ?? o.categories * 4,
    communities: o.communities ?? Math.min(o.users, Math.max(2, Math.round(o.users / 25))),
    avgFriends: o.avgFriends ?? 8,
    communityLoyalty: o.communityLoyalty ?? 0.85,
    categoryLoyalty: o.categoryLoyalty ?? 0.75,
    startTs: o.startTs ?? Date.UTC(2024, 0, 1),
    weeks: o.weeks ?? 16,
  };
}

/** Ready-made sizes: `tiny` for unit tests, `small` for the default demo, `large` for benchmarks. */
export const DEMO_PRESETS = {
  tiny: { seed: 42, users: 50, items: 120, categories: 6, communities: 3, eventsTarget: 1_000 },
  small: { seed: 42, users: 500, items: 2_000, categories: 20, communities: 10, eventsTarget: 20_000 },
  large: { seed: 42, users: 50_000, items: 100_000, categories: 200, communities: 500, eventsTarget: 1_200_000 },
} as const satisfies Record<string, DemoOptions>;

export type DemoPreset = keyof typeof DEMO_PRESETS;
