// Keeps the fitted GRAPH model in memory (one per process). The first request fits it (concurrent requests
// share that one fit); `refresh` refits from the current graph, swaps the model atomically once the new
// one is ready (requests keep using the old one meanwhile) and writes the item/user vectors to Neo4j for
// the vector indexes. A failed fit is not cached, so the next request tries again. Refreshes are
// single-flight: calls arriving while one runs share its fit (and its embedding write), so a client looping
// on refreshGraphModel costs one refit at a time, not one per call.
// `invalidate` (an erasure, a consent change) drops the model and any fit already running, so no model
// holding the old state is kept. Friend edges enter the fit only between users who both consented to social.
// The fit itself runs through a GraphFitter (graph-fitter.ts): in the server, in a worker thread, so that
// requests keep being served meanwhile (with the old model, until the swap).
// After the fit, the blend tuner (set by the recommendation service, which holds the other sources: see
// tuning/tune-blend.ts) chooses the HYBRID default weights on the fit's held-out split; the model carries
// the choice, so a model and its weights are swapped in together. A tuner that fails leaves the configured
// weights (logged), never the fit failed.
import { ALL_GRANTED, type Consent } from '../../domain/consent.ts';
import type { RecsGraphStore } from '../../storage/recs-graph-store.ts';
import type { RecsConfig } from './config.ts';
import { graphEmbeddings, type GraphModel } from './fit-graph-model.ts';
import { fitInThread, type GraphFitter } from './graph-fitter.ts';
import type { GraphBaseKind } from './graph-base.ts';
import type { GraphParams } from './tuning/graph-grid.ts';
import type { GraphTuning } from './tuning/tune-graph.ts';
import type { BlendTuning } from './tuning/tune-blend.ts';
import type { JobLog } from '../job-log.ts';

export interface GraphModelSummary {
  /** The base model fitted (EASE or GF-CF) and its setting (tuned or configured). */
  readonly model: GraphBaseKind;
  readonly settings: GraphParams;
  /**
   * The refresh's tuning on the store's held-out edges, absent when it did not run (off, or too few users),
   * with the blend tuning on the same split (absent when it did not run: off, or no held-out user servable).
   */
  readonly tuning: (Omit<GraphTuning, 'holdout'> & { readonly blend: BlendTuning | undefined }) | undefined;
  readonly users: number;
  readonly items: number;
  readonly interactions: number;
  readonly friendships: number;
  readonly follows: number;
  readonly fittedAt: number;
  readonly fitMs: number;
  readonly embeddingsWritten: number;
}

/** When the newest model was fitted and how long the fit took (for the model age / fit time metrics). */
export interface FitStamp {
  readonly fittedAt: number;
  readonly fitMs: number;
  /** The event count (GraphModelCacheOptions.eventCount) when its graph was read: later events are not in it. */
  readonly eventsAtLoad: number;
}

export interface GraphModelCacheOptions {
  /** Runs the numeric fit; default in this thread. */
  readonly fitter?: GraphFitter;
  /** Interactions recorded by this process so far (monotonic), stamped on each fit. */
  readonly eventCount?: () => number;
  /** Where the blend tuner's choice (and a failure of it) is reported. */
  readonly log?: JobLog;
}

/** Chooses the HYBRID default weights for a fitted model (undefined: keep the configured ones). */
export type BlendTuner = (model: GraphModel) => Promise<BlendTuning | undefined>;

/** The refresh in progress: its fit, and the embedding write once some caller asked for one. */
interface Flight {
  readonly model: Promise<GraphModel>;
  embeddings: Promise<number> | undefined;
}

export class GraphModelCache {
  private current: Promise<GraphModel> | undefined;
  private lastFitStamp: FitStamp | undefined;
  private flight: Flight | undefined;
  /** Bumped by invalidate: a fit that started before is served to its waiters but never kept. */
  private generation = 0;
  private readonly fitter: GraphFitter;
  private readonly eventCount: () => number;
  private readonly log: JobLog | undefined;
  private blendTuner: BlendTuner | undefined;

  constructor(
    private readonly store: RecsGraphStore,
    private readonly cfg: RecsConfig['graph'],
    private readonly now: () => number,
    private readonly consentDefaults: Consent = ALL_GRANTED,
    opts: GraphModelCacheOptions = {},
  ) {
    this.fitter = opts.fitter ?? fitInThread;
    this.eventCount = opts.eventCount ?? (() => 0);
    this.log = opts.log;
  }

  /** Set once by the service that serves the hybrid (it holds the sources the tuner needs). */
  setBlendTuner(tuner: BlendTuner | undefined): void {
    this.blendTuner = tuner;
  }

  get(): Promise<GraphModel> {
    if (this.current === undefined) {
      const fit = this.fit();
      this.current = fit;
      fit.catch(() => {
        if (this.current === fit) this.current = undefined;
      });
    }
    return this.current;
  }

  /** Forgets the model (and a fit in flight): the next request refits from the graph as it is now. */
  invalidate(): void {
    this.generation++;
    this.current = undefined;
    this.flight = undefined; // a refresh arriving now starts a fit of the graph as it is now
  }

  async refresh(writeEmbeddings: boolean): Promise<GraphModelSummary> {
    const flight = this.flight ?? this.startFlight();
    if (writeEmbeddings) flight.embeddings ??= flight.model.then((m) => this.writeEmbeddings(m));
    const [model, written] = await Promise.all([flight.model, writeEmbeddings ? flight.embeddings ?? 0 : 0]);
    return summarize(model, written);
  }

  /** The newest successful fit, undefined before the first one (read synchronously by a metrics scrape). */
  lastFit(): FitStamp | undefined {
    return this.lastFitStamp;
  }

  private startFlight(): Flight {
    const generation = this.generation;
    const model = this.fit().then((m) => {
      if (generation === this.generation) this.current = Promise.resolve(m);
      return m;
    });
    const flight: Flight = { model, embeddings: undefined };
    this.flight = flight;
    // Done (either way) once the fit and any embedding write joined meanwhile have settled.
    void model
      .then(() => flight.embeddings, () => undefined)
      .catch(() => undefined)
      .finally(() => {
        if (this.flight === flight) this.flight = undefined;
      });
    return flight;
  }

  private async writeEmbeddings(model: GraphModel): Promise<number> {
    const { items, users } = graphEmbeddings(model, this.cfg.embeddingDims);
    let written = await this.store.writeEmbeddings('item', model.itemIds.map((id, k) => ({ id, embedding: items[k] ?? null })));
    written += await this.store.writeEmbeddings('user', model.userIds.map((id, k) => ({ id, embedding: users[k] ?? null })));
    return written;
  }

  private async fit(): Promise<GraphModel> {
    const eventsAtLoad = this.eventCount();
    const edges = await this.store.loadEdges(this.cfg.withFriends, this.consentDefaults);
    const fitted = await this.fitter(edges, this.cfg, this.now());
    const model = await this.withBlend(fitted);
    this.lastFitStamp = { fittedAt: model.fittedAt, fitMs: model.fitMs, eventsAtLoad };
    return model;
  }

  private async withBlend(m: GraphModel): Promise<GraphModel> {
    if (this.blendTuner === undefined || m.tuning?.holdout === undefined) return m;
    let blend: BlendTuning | undefined;
    try {
      blend = await this.blendTuner(m);
    } catch (err) {
      this.log?.warn({ err }, 'HYBRID blend tuning failed: the configured weights stay the default');
      return m;
    }
    if (blend === undefined) return m;
    this.log?.info({ chosen: blend.chosen, chosenNdcg10: blend.chosenNdcg10, single: blend.single, users: blend.users, ms: blend.ms }, 'HYBRID blend weights tuned on the store\'s held-out split');
    return { ...m, blend };
  }
}

export function summarize(m: GraphModel, embeddingsWritten: number): GraphModelSummary {
  let tuning: GraphModelSummary['tuning'];
  if (m.tuning !== undefined) {
    const { holdout: _holdout, ...report } = m.tuning;
    tuning = { ...report, blend: m.blend };
  }
  return {
    model: m.kind,
    settings: m.settings,
    tuning,
    users: m.userIds.length,
    items: m.itemIds.length,
    interactions: m.interactions.indices.length,
    friendships: m.friendships,
    follows: m.follows,
    fittedAt: m.fittedAt,
    fitMs: m.fitMs,
    embeddingsWritten,
  };
}
