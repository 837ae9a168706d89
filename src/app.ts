import type { Services } from './graphql/context.ts';
import type { ResolverSet } from './graphql/schema.ts';
import { CatalogStore } from './storage/catalog-store.ts';
import type { GraphConnection } from './storage/connect.ts';
import { EventStore } from './storage/event-store.ts';
import { GraphWriter } from './storage/graph-writer.ts';
import { SocialStore } from './storage/social-store.ts';

/** The composition root's wiring: stores over one connection, and the resolver sets of each capability. */
export function createServices(graph: GraphConnection): Services {
  const ex = graph.executor;
  return {
    catalog: new CatalogStore(ex),
    social: new SocialStore(ex),
    events: new EventStore(ex),
    writer: new GraphWriter(ex),
    neo4jMode: graph.mode,
    ping: () => graph.ping(),
    now: () => Date.now(),
  };
}

export function capabilityResolvers(): ResolverSet[] {
  return [];
}
