// The strategies compared by the evaluation, each with a small hyper-parameter grid. The grid point is chosen
// on the validation split (NDCG@10, ties: earlier grid point) and only that point is scored on test.
// A strategy may build on the point chosen for an earlier one (the social variants reuse their base's
// choice), so strategies run in the listed order. Fits that several grid points share are memoized.
// GRAPH is the product's GRAPH source alone over a grid of its config (src/eval/hybrid/graph-grid.ts: EASE and
// GF-CF points, fitted by the served graph-base.ts); HYBRID is the product's blend (src/eval/hybrid/) over the
// served tuner's weight candidates (each source alone, then blends on GRAPH), with the GRAPH source configured as chosen
// for the GRAPH row on the same seed (config.ts when GRAPH did not run). GF-CF fits are shared per split
// (fitsOf), so GRAPH's test refit and HYBRID's GRAPH source reuse the grid's fits.
import {
  fitEase,
  fitGfcf,
  fitItemKnn,
  fitLightGcn,
  fitLightGcnBpr,
  fitMfBpr,
  fitPopularity,
  fitSocialEase,
  fitUserKnn,
  weightInteractions,
  withSocial,
  type Recommender,
  type Weighting,
} from '../algorithms/recs/index.ts';
import { RECS_CONFIG } from '../usecases/recommend/config.ts';
import { chooseGraphBase } from '../usecases/recommend/graph-base.ts';
import type { EvalContext } from './context.ts';
import { asGraphParams, graphGrid, withGraphParams } from './hybrid/graph-grid.ts';
import { graphFits, graphSource, graphSourceModel, type GraphFits } from './hybrid/graph-source.ts';
import { hybridModel } from './hybrid/hybrid-model.ts';
import { createHybridSources } from './hybrid/sources.ts';
import { tunerCandidates } from './hybrid/weight-grid.ts';

export type Params = Readonly<Record<string, number | string>>;

export interface GridPoint {
  readonly params: Params;
  readonly fit: () => Recommender;
}

export interface Strategy {
  readonly name: string;
  /** Whether the strategy uses the friend graph. */
  readonly social: boolean;
  grid(ctx: EvalContext, chosen: ReadonlyMap<string, Params>): GridPoint[];
}

const memo = <T>(f: () => T): (() => T) => {
  let v: T | undefined;
  let done = false;
  return () => {
    if (!done) {
      v = f();
      done = true;
    }
    return v as T;
  };
};

const fitsByCtx = new WeakMap<EvalContext, GraphFits>();
const fitsOf = (ctx: EvalContext): GraphFits => {
  let f = fitsByCtx.get(ctx);
  if (f === undefined) fitsByCtx.set(ctx, (f = graphFits(ctx)));
  return f;
};

const weighted = (ctx: EvalContext, w: Weighting) => weightInteractions(ctx.train, w);
const num = (p: Params | undefined, k: string, dflt: number): number => (typeof p?.[k] === 'number' ? (p[k] as number) : dflt);
const str = (p: Params | undefined, k: string, dflt: string): string => (typeof p?.[k] === 'string' ? (p[k] as string) : dflt);

// (weighting, lambda, rho): plain EASE and DLAE-style popularity penalties, binary and user-pow weights.
const EASE_GRID: readonly (readonly [Weighting, number, number])[] = [
  ['binary', 50, 1],
  ['user-pow-0.25', 30, 1],
  ['user-pow-0.25', 20, 1.5],
  ['user-pow-0.25', 10, 2],
];

// (epochs, SGD step, L2) of MF-BPR, d = 64. Last.fm seed 1 probes (valid NDCG@10, 50 epochs, step 0.05): L2
// 0.005 -> 0.1290, 0.02 -> 0.1354, 0.05 -> 0.1232; the loss was still falling at 50 epochs, hence a larger step.
// 50 epochs: ~0.1 s per epoch on Last.fm on an idle core (~1-3 s on the shared machine).
const MF_BPR_GRID: readonly (readonly [number, number, number])[] = [
  [50, 0.05, 0.02],
  [50, 0.1, 0.02],
];

// (Adam step, L2) of LightGCN-BPR: K = 3, d = 64, random init (the spectral init trained worse on both data
// sets: Last.fm seed 1 valid NDCG@10 0.1200 against 0.1325 at 10 epochs), 20 epochs of 8 Adam steps each
// (batch = train pairs / 8, at least 1024), so small stores take as many steps as large ones. Each step is a
// full forward and backward propagation: on Last.fm (148k edges) ~0.5 s on an idle core. Probes on Last.fm
// seed 1 (batch 16384): step 0.02 / 10 epochs 0.1325, step 0.05 / 20 epochs 0.1621 (train loss 0.015: the
// larger L2 is the guard against that overfit).
const LIGHTGCN_BPR_GRID: readonly (readonly [number, number])[] = [
  [0.05, 1e-4],
  [0.05, 1e-3],
];
const LIGHTGCN_BPR_EPOCHS = 20;
const bprBatch = (ctx: EvalContext): number => Math.max(1024, Math.ceil(ctx.train.indptr[ctx.train.rows]! / 8));

export const STRATEGIES: readonly Strategy[] = [
  { name: 'POPULAR', social: false, grid: (ctx) => [{ params: {}, fit: () => fitPopularity(ctx.train) }] },
  {
    name: 'ITEM_CF',
    social: false,
    grid: (ctx) =>
      (['binary', 'log1p'] as const).flatMap((weighting) =>
        [50, 200].map((neighbours) => ({
          params: { weighting, neighbours, shrink: 10 },
          fit: () => fitItemKnn(weighted(ctx, weighting), { neighbours, shrink: 10 }),
        })),
      ),
  },
  {
    name: 'USER_CF',
    social: false,
    grid: (ctx) =>
      (['binary', 'log1p'] as const).flatMap((weighting) =>
        [30, 100].map((neighbours) => ({
          params: { weighting, neighbours, shrink: 10 },
          fit: () => fitUserKnn(weighted(ctx, weighting), { neighbours, shrink: 10 }),
        })),
      ),
  },
  {
    name: 'GF-CF',
    social: false,
    grid: (ctx) =>
      (['binary', 'log1p'] as const).flatMap((weighting) =>
        [0, 0.1].map((alpha) => ({
          params: { weighting, alpha, rank: 32 },
          fit: () => fitGfcf(weighted(ctx, weighting), { alpha, rank: 32 }),
        })),
      ),
  },
  {
    name: 'LIGHTGCN',
    social: false,
    grid: (ctx) =>
      // A random init scores ~0 without training (valid NDCG@10 0.0002 on seed 1), so only the spectral init.
      (['svd'] as const).map((init) => ({
        params: { init, layers: 3, dim: 64 },
        fit: () => fitLightGcn(ctx.train, { init, layers: 3, dim: 64 }),
      })),
  },
  {
    name: 'LIGHTGCN+SOCIAL',
    social: true,
    grid: (ctx, chosen) => {
      const init = str(chosen.get('LIGHTGCN'), 'init', 'svd') as 'svd' | 'random';
      return [1].map((socialWeight) => ({
        params: { init, layers: 3, dim: 64, socialWeight },
        fit: () => fitLightGcn(ctx.train, { init, layers: 3, dim: 64, social: ctx.friends, socialWeight }),
      }));
    },
  },
  {
    name: 'MF-BPR',
    social: false,
    grid: (ctx) =>
      MF_BPR_GRID.map(([epochs, learningRate, reg]) => ({
        params: { dim: 64, epochs, learningRate, reg, seed: 1 },
        fit: () => fitMfBpr(ctx.train, { dim: 64, epochs, learningRate, reg, seed: 1 }),
      })),
  },
  {
    name: 'LIGHTGCN-BPR',
    social: false,
    grid: (ctx) =>
      LIGHTGCN_BPR_GRID.map(([learningRate, reg]) => {
        const o = { init: 'random', layers: 3, dim: 64, epochs: LIGHTGCN_BPR_EPOCHS, batchSize: bprBatch(ctx), learningRate, reg, seed: 1 } as const;
        return { params: o, fit: () => fitLightGcnBpr(ctx.train, o) };
      }),
  },
  {
    name: 'LIGHTGCN-BPR+SOCIAL',
    social: true,
    grid: (ctx, chosen) => {
      // LIGHTGCN-BPR's chosen point with the friend edges in the propagated graph (weight 1, as LIGHTGCN+SOCIAL).
      const base = chosen.get('LIGHTGCN-BPR');
      const learningRate = num(base, 'learningRate', 0.05);
      const reg = num(base, 'reg', 1e-3);
      const o = { init: 'random', layers: 3, dim: 64, epochs: LIGHTGCN_BPR_EPOCHS, batchSize: bprBatch(ctx), learningRate, reg, seed: 1, socialWeight: 1 } as const;
      return [{ params: o, fit: () => fitLightGcnBpr(ctx.train, { ...o, social: ctx.friends }) }];
    },
  },
  {
    name: 'EASE',
    social: false,
    grid: (ctx) =>
      EASE_GRID.map(([weighting, lambda, rho]) => ({
        params: { weighting, lambda, rho },
        fit: () => fitEase(weighted(ctx, weighting), { lambda, rho }),
      })),
  },
  {
    name: 'EASE+SOCIAL',
    social: true,
    grid: (ctx, chosen) => {
      const base = chosen.get('EASE');
      const lambda = num(base, 'lambda', 20);
      const rho = num(base, 'rho', 1.5);
      const weighting = str(base, 'weighting', 'user-pow-0.25') as Weighting;
      const x = memo(() => weighted(ctx, weighting));
      const log = memo(() => weighted(ctx, 'log1p'));
      // friendWeight 0 = the chosen EASE with only the friend term; (0, 0) is plain EASE and is left out so
      // this row is always a social model (the ablation against the EASE row).
      return [0, 0.1].flatMap((friendWeight) => {
        const model = memo(() => fitSocialEase(x(), ctx.friends, { lambda, rho, friendWeight }));
        return (friendWeight === 0 ? [0.02, 0.05] : [0, 0.05]).map((beta) => ({
          params: { weighting, lambda, rho, friendWeight, friendTermBeta: beta, friendSignal: 'interactions' },
          fit: () => (beta === 0 ? model() : withSocial(model(), ctx.friends, log(), { beta, signal: 'interactions' })),
        }));
      });
    },
  },
  {
    name: 'GRAPH',
    social: true,
    // The points the served tuner may pick for this size (tune-graph.ts tuningCandidates' rule): EASE only
    // while min(users, items) <= easeMaxDim (the social shop's 7,000 x 90,000 would need a 7,000^2 dense inverse).
    grid: (ctx) =>
      graphGrid()
        .filter((p) => p.model === 'GF-CF' || chooseGraphBase(ctx.dataset.nUsers, ctx.dataset.nItems, { model: 'auto', easeMaxDim: RECS_CONFIG.graph.easeMaxDim }) === 'EASE')
        .map((p) => ({ params: p, fit: () => graphSourceModel(graphSource(ctx, withGraphParams(RECS_CONFIG.graph, p), fitsOf(ctx))) })),
  },
  {
    name: 'HYBRID',
    social: true,
    grid: (ctx, chosen) => {
      const p = asGraphParams(chosen.get('GRAPH'));
      const cfg = p === undefined ? RECS_CONFIG : { ...RECS_CONFIG, graph: withGraphParams(RECS_CONFIG.graph, p) };
      const sources = memo(() => createHybridSources(ctx, cfg, fitsOf(ctx)));
      // The served tuner's candidates (each source alone, then blends on GRAPH): the row is HYBRID as a refresh tunes it.
      return tunerCandidates().map((w) => ({ params: w, fit: () => hybridModel(sources(), ctx.train, ctx.dataset.nUsers, w) }));
    },
  },
];

export function strategyByName(name: string): Strategy | undefined {
  return STRATEGIES.find((s) => s.name.toLowerCase() === name.toLowerCase());
}
