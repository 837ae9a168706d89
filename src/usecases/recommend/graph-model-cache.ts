// Keeps the fitted GRAPH model in memory (one per process). The first request fits it (concurrent requests
// share that one fit); `refresh` refits from the current graph, swaps the model atomically once the new
// one is ready (requests keep using the old one meanwhile) and writes the item/user vectors to Neo4j for
// the vector indexes. A failed fit is not cached, so the next request tries again. `invalidate` (an erasure,
// a consent change) drops the model and any fit already running, so no model holding the old state is kept.
// Friend edges enter the fit only between users who both consented to social features.
import { ALL_GRANTED, type Consent } from '../../domain/consent.ts';
import type { RecsGraphStore } from '../../storage/recs-graph-store.ts';
import type { RecsConfig } from './config.ts';
import { fitGraphModel, graphEmbeddings, type GraphModel } from './fit-graph-model.ts';

export interface GraphModelSummary {
  readonly users: number;
  readonly items: number;
  readonly interactions: number;
  readonly friendships: number;
  readonly fittedAt: number;
  readonly fitMs: number;
  readonly embeddingsWritten: number;
}

export class GraphModelCache {
  private current: Promise<GraphModel> | undefined;
  /** Bumped by invalidate: a fit that started before is served to its waiters but never kept. */
  private generation = 0;

  constructor(
    private readonly store: RecsGraphStore,
    private readonly cfg: RecsConfig['graph'],
    private readonly now: () => number,
    private readonly consentDefaults: Consent = ALL_GRANTED,
  ) {}

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
  }

  async refresh(writeEmbeddings: boolean): Promise<GraphModelSummary> {
    const generation = this.generation;
    const model = await this.fit();
    if (generation === this.generation) this.current = Promise.resolve(model);
    let written = 0;
    if (writeEmbeddings) {
      const { items, users } = graphEmbeddings(model, this.cfg.embeddingDims);
      written += await this.store.writeEmbeddings('item', model.itemIds.map((id, k) => ({ id, embedding: items[k] ?? null })));
      written += await this.store.writeEmbeddings('user', model.userIds.map((id, k) => ({ id, embedding: users[k] ?? null })));
    }
    return summarize(model, written);
  }

  private async fit(): Promise<GraphModel> {
    const edges = await this.store.loadEdges(this.cfg.withFriends, this.consentDefaults);
    return fitGraphModel(edges, this.cfg, this.now());
  }
}

export function summarize(m: GraphModel, embeddingsWritten: number): GraphModelSummary {
  return {
    users: m.userIds.length,
    items: m.itemIds.length,
    interactions: m.interactions.indices.length,
    friendships: m.friendships,
    fittedAt: m.fittedAt,
    fitMs: m.fitMs,
    embeddingsWritten,
  };
}
