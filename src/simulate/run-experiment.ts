// One simulated A/B (or A/A) experiment, played against the running API as frontends would play it:
// create the experiment, then for every shopper ask for their page (no strategy: the experiment picks it),
// report it rendered, click and buy with the planted probabilities, report those with the page's
// recommendationId; finally read experimentResults and stop the experiment.
// Per shopper it also asks for the page of each strategy explicitly (the pages the shopper would see in
// either arm), so the true conversion rate of each arm over the played shoppers is known exactly.
// A skew (`dropTreatment`) loses that share of the treatment's shoppers before they reach the API, as a
// broken redirect or a crashing variant would: the split the server sees no longer matches the weights.
import { assignVariant } from '../algorithms/experiments/assignment/assign-variant.ts';
import type { ArmFigures as ReportedArm } from '../algorithms/experiments/experiment-report.ts';
import { Rng, splitmix32 } from '../sources/demo/prng.ts';
import type { ApiClient, SimulatorClients } from './api-client.ts';
import type { PlantedShoppers, ShownItem } from './shopper-model.ts';
import pMap from 'p-map';

export interface RunOptions {
  readonly key: string;
  /** Strategy of the control (variant 'control') and of the treatment (variant 'treatment'). */
  readonly control: string;
  readonly treatment: string;
  readonly shoppers: readonly string[];
  /** Shoppers who consented to analytics: only they are counted by experimentResults, so only they make the truth. */
  readonly counted: ReadonlySet<string>;
  readonly pageSize: number;
  readonly seed: number;
  /** Share of the treatment's shoppers lost before they reach the API (0: none). */
  readonly dropTreatment: number;
  readonly concurrency: number;
  readonly confidence: number;
  /** The planning guess of the control's conversion rate (createExperiment's baselineConversionRate). */
  readonly plannedBaselineRate: number;
}

/** The counts experimentResults reports per variant (its revenue aside), as the simulator counts them too. */
export type ArmFigures = Omit<ReportedArm, 'revenue'>;

export interface LiftFigures {
  readonly difference: number;
  readonly lower: number;
  readonly upper: number;
  readonly relative: number | null;
  readonly pValue: number;
  readonly significant: boolean;
  readonly sequentialLower: number;
  readonly sequentialUpper: number;
  readonly sequentialSignificant: boolean;
}

export interface RunOutcome {
  readonly key: string;
  readonly control: string;
  readonly treatment: string;
  readonly played: number;
  readonly dropped: number;
  /** Shoppers whose served variant differs from GrowthBook's evaluation on the client side (must be 0). */
  readonly variantMismatches: number;
  /** Served pages that differ from the explicit page of the variant's strategy (must be 0). */
  readonly pageMismatches: number;
  /** True conversion rates of each arm's strategy over all counted shoppers, and their difference. */
  readonly truth: { readonly control: number; readonly treatment: number; readonly difference: number };
  /** What the shoppers did, counted by the simulator (counted shoppers only). */
  readonly simulated: Readonly<Record<'control' | 'treatment', ArmFigures>>;
  /** What experimentResults reported. */
  readonly reported: Readonly<Record<'control' | 'treatment', ArmFigures>>;
  readonly lift: LiftFigures | null;
  readonly srm: { readonly pValue: number; readonly mismatch: boolean } | null;
  readonly requests: number;
  readonly ms: number;
}

const PAGE = `query($u: ID!, $s: Strategy, $n: Int) { recommendations(userId: $u, strategy: $s, first: $n) {
  recommendationId strategy experiment { key variant } edges { node { position item { id categories { id } } } } } }`;

const RESULTS = `query($k: ID!, $c: Float) { experimentResults(key: $k, confidence: $c) {
  variants { variant assigned exposed impressions clicks conversions
    conversionLift { difference lower upper relative pValue significant sequentialLower sequentialUpper sequentialSignificant } }
  sampleRatio { pValue mismatch } } }`;

interface Page {
  readonly recommendationId: string | null;
  readonly experiment: { key: string; variant: string } | null;
  readonly items: ShownItem[];
}

interface PageData {
  recommendations: {
    recommendationId: string | null;
    experiment: { key: string; variant: string } | null;
    edges: { node: { position: number; item: { id: string; categories: { id: string }[] } } }[];
  };
}

async function page(api: ApiClient, userId: string, strategy: string | null, size: number): Promise<Page> {
  const d = await api.query<PageData>(PAGE, { u: userId, s: strategy, n: size });
  const r = d.recommendations;
  return { recommendationId: r.recommendationId, experiment: r.experiment, items: r.edges.map((e) => ({ itemId: e.node.item.id, categoryIds: e.node.item.categories.map((c) => c.id) })) };
}

const ARMS = ['control', 'treatment'] as const;
type Arm = (typeof ARMS)[number];

export async function runExperiment(clients: SimulatorClients, shoppers: PlantedShoppers, o: RunOptions): Promise<RunOutcome> {
  const { staff: api, frontend } = clients;
  const t0 = Date.now();
  const requests0 = api.requests + frontend.requests;
  const definition = { key: o.key, variants: ['control', 'treatment'], weights: [0.5, 0.5], seed: o.key, hashVersion: 2 as const };
  await api.query(`mutation($i: CreateExperimentInput!) { createExperiment(input: $i) { key } }`, {
    i: {
      key: o.key, name: `simulated ${o.control} vs ${o.treatment}`,
      // Planned before any data, as an analyst would: every counted shopper plays, half per variant, and a
      // guess of the control's conversion. They set the always-valid interval's mixing variance.
      plannedUsersPerVariant: Math.max(1, Math.round(o.counted.size / 2)), baselineConversionRate: o.plannedBaselineRate,
      variants: [{ key: 'control', weight: 0.5, strategy: o.control }, { key: 'treatment', weight: 0.5, strategy: o.treatment }],
    },
  });
  const simulated: Record<Arm, { assigned: number; exposed: number; impressions: number; clicks: number; conversions: number }> = {
    control: { assigned: 0, exposed: 0, impressions: 0, clicks: 0, conversions: 0 },
    treatment: { assigned: 0, exposed: 0, impressions: 0, clicks: 0, conversions: 0 },
  };
  const truthSum: Record<Arm, number> = { control: 0, treatment: 0 };
  let countedShoppers = 0;
  let dropped = 0;
  let variantMismatches = 0;
  let pageMismatches = 0;
  try {
    await pMap(o.shoppers, async (userId, index) => {
      const rng = new Rng(splitmix32(o.seed ^ splitmix32(index)));
      // The frontend's own GrowthBook evaluation: the server must agree with it.
      const clientArm = assignVariant(definition, userId).variant as Arm;
      if (clientArm === 'treatment' && o.dropTreatment > 0 && rng.chance(o.dropTreatment)) {
        dropped++;
        return;
      }
      const counted = o.counted.has(userId);
      // The pages of both arms, as the shopper would see them in either (same request, so the served page
      // below must be one of them: a cached page or the same computation).
      const explicit: Record<Arm, Page> = { control: await page(frontend, userId, o.control, o.pageSize), treatment: await page(frontend, userId, o.treatment, o.pageSize) };
      const served = await page(frontend, userId, null, o.pageSize);
      const arm = served.experiment?.variant as Arm | undefined;
      if (served.experiment?.key !== o.key || arm === undefined) throw new Error(`shopper ${userId} was not served experiment ${o.key}: ${JSON.stringify(served.experiment)}`);
      if (arm !== clientArm) variantMismatches++;
      if (served.items.map((i) => i.itemId).join() !== explicit[arm].items.map((i) => i.itemId).join()) pageMismatches++;
      if (counted) {
        countedShoppers++;
        for (const a of ARMS) truthSum[a] += shoppers.conversionProbability(userId, explicit[a].items);
        simulated[arm].assigned++;
      }
      if (served.items.length === 0 || served.recommendationId === null) return;
      await frontend.query(`mutation($r: ID!, $ids: [ID!]!) { recordImpressions(recommendationId: $r, itemIds: $ids) { recorded } }`, {
        r: served.recommendationId, ids: served.items.map((i) => i.itemId),
      });
      const reaction = shoppers.react(userId, served.items, rng);
      const record = (position: number, type: 'VIEW' | 'PURCHASE') => frontend.query(
        `mutation($i: RecordInteractionInput!) { recordInteraction(input: $i) { created } }`,
        { i: { eventId: `sim-${o.key}-${userId}-${position}-${type}`, userId, itemId: served.items[position - 1]?.itemId, type, recommendationId: served.recommendationId } },
      );
      for (const position of reaction.clicked) {
        await record(position, 'VIEW');
        if (reaction.bought.includes(position)) await record(position, 'PURCHASE');
      }
      if (counted) {
        const s = simulated[arm];
        s.exposed++;
        s.impressions += served.items.length;
        s.clicks += reaction.clicked.length;
        if (reaction.bought.length > 0) s.conversions++;
      }
    }, { concurrency: o.concurrency });

    // Assignments are written in batches off the request path: wait until every one is stored.
    const expectedAssigned = simulated.control.assigned + simulated.treatment.assigned;
    let results = await readResults(api, o);
    for (let waited = 0; totalAssigned(results) < expectedAssigned && waited < 10_000; waited += 100) {
      await new Promise((r) => setTimeout(r, 100));
      results = await readResults(api, o);
    }
    const byVariant = new Map(results.variants.map((v) => [v.variant, v]));
    const reported = Object.fromEntries(ARMS.map((a) => {
      const v = byVariant.get(a);
      return [a, { assigned: v?.assigned ?? 0, exposed: v?.exposed ?? 0, impressions: v?.impressions ?? 0, clicks: v?.clicks ?? 0, conversions: v?.conversions ?? 0 }];
    })) as Record<Arm, ArmFigures>;
    const truthControl = countedShoppers === 0 ? 0 : truthSum.control / countedShoppers;
    const truthTreatment = countedShoppers === 0 ? 0 : truthSum.treatment / countedShoppers;
    return {
      key: o.key, control: o.control, treatment: o.treatment, played: o.shoppers.length - dropped, dropped, variantMismatches, pageMismatches,
      truth: { control: truthControl, treatment: truthTreatment, difference: truthTreatment - truthControl },
      simulated, reported,
      lift: byVariant.get('treatment')?.conversionLift ?? null,
      srm: results.sampleRatio,
      requests: api.requests + frontend.requests - requests0,
      ms: Date.now() - t0,
    };
  } finally {
    await api.query(`mutation($k: ID!) { stopExperiment(key: $k) { key } }`, { k: o.key });
  }
}

interface ResultsData {
  experimentResults: {
    variants: (ArmFigures & { variant: string; conversionLift: LiftFigures | null })[];
    sampleRatio: { pValue: number; mismatch: boolean } | null;
  };
}

async function readResults(api: ApiClient, o: RunOptions): Promise<ResultsData['experimentResults']> {
  return (await api.query<ResultsData>(RESULTS, { k: o.key, c: o.confidence })).experimentResults;
}

const totalAssigned = (r: ResultsData['experimentResults']): number => r.variants.reduce((s, v) => s + v.assigned, 0);
