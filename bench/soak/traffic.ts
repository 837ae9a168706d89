// The soak's traffic mix. Each operation is a named GraphQL document with variables drawn from the shop's
// ids; shares are of all requests. recordInteraction re-sends an already answered event (same id, same
// payload, as a client retry would) with probability `dupShare`: such a retry must come back
// `created: false`, and a new id `created: true`.
import { createRng } from '../../src/algorithms/recs/rng.ts';

/** The project's seeded PRNG (mulberry32), as a plain function, so a seed gives the same request sequence. */
export function rng(seed: number): () => number {
  const r = createRng(seed);
  return () => r.next();
}

export type Kind = 'read' | 'write' | 'analytics';

export interface Request {
  readonly operation: string;
  readonly kind: Kind;
  readonly body: { query: string; variables: Record<string, unknown>; operationName: string };
  /** For recordInteraction: whether the event id was sent before, and the id (to remember it once answered). */
  readonly event?: { readonly id: string; readonly input: Record<string, unknown>; readonly retry: boolean };
}

const RECS = `query Recommendations($u: ID!, $s: Strategy) { recommendations(userId: $u, strategy: $s, first: 20) {
  edges { node { score item { id title categories { name } } reasons { kind text } } } pageInfo { hasNextPage } } }`;
const SIMILAR = 'query SimilarItems($i: ID!) { similarItems(itemId: $i, first: 10) { score item { id title } reasons { text } } }';
const USER = `query UserRead($u: ID!) { user(id: $u) { id name friendCount
  interactions(first: 5) { edges { node { type at item { id title price } } } } } }`;
const RECORD = 'mutation RecordInteraction($in: RecordInteractionInput!) { recordInteraction(input: $in) { created interaction { id } } }';
const MATRIX = 'query TransitionMatrix { transitionMatrix(options: { smoothing: 0, minSupport: 5 }) { states users transitions rows { from support } } }';
const FUNNEL = `query Funnel { funnel(steps: [VIEW, CART, PURCHASE], conversionWindowHours: 72) {
  overallConversion medianSecondsToConvert steps { state users conversion } } }`;

// Mostly the served default (HYBRID), sometimes a single strategy, so every Cypher path stays exercised.
const STRATEGIES = ['HYBRID', 'HYBRID', 'HYBRID', 'HYBRID', 'HYBRID', 'HYBRID', 'GRAPH', 'SOCIAL', 'CONTENT', 'POPULAR'];
const EVENT_TYPES = ['VIEW', 'VIEW', 'VIEW', 'VIEW', 'VIEW', 'VIEW', 'VIEW', 'CART', 'CART', 'FAVOURITE', 'PURCHASE', 'CANCEL'];

export interface MixOptions {
  readonly users: readonly string[];
  readonly items: readonly string[];
  readonly runId: string;
  readonly dupShare: number;
  readonly analyticsShare: number;
  readonly seed: number;
}

/** Shares of the non-analytics traffic. */
const SHARES = { recommendations: 0.42, similarItems: 0.15, userRead: 0.15, recordInteraction: 0.28 };

export class TrafficMix {
  private readonly random: () => number;
  private sent = 0;
  /** Events answered by the server, which a retry may re-send (bounded ring). */
  private readonly answered: { id: string; input: Record<string, unknown> }[] = [];
  private analyticsTurn = 0;

  constructor(private readonly o: MixOptions) {
    this.random = rng(o.seed);
  }

  next(): Request {
    const r = this.random();
    if (r < this.o.analyticsShare) {
      const matrix = this.analyticsTurn++ % 2 === 0;
      return { operation: matrix ? 'transitionMatrix' : 'funnel', kind: 'analytics', body: { query: matrix ? MATRIX : FUNNEL, variables: {}, operationName: matrix ? 'TransitionMatrix' : 'Funnel' } };
    }
    const x = (r - this.o.analyticsShare) / (1 - this.o.analyticsShare);
    if (x < SHARES.recommendations) {
      return { operation: 'recommendations', kind: 'read', body: { query: RECS, variables: { u: this.pick(this.o.users), s: this.pick(STRATEGIES) }, operationName: 'Recommendations' } };
    }
    if (x < SHARES.recommendations + SHARES.similarItems) {
      return { operation: 'similarItems', kind: 'read', body: { query: SIMILAR, variables: { i: this.pick(this.o.items) }, operationName: 'SimilarItems' } };
    }
    if (x < SHARES.recommendations + SHARES.similarItems + SHARES.userRead) {
      return { operation: 'user', kind: 'read', body: { query: USER, variables: { u: this.pick(this.o.users) }, operationName: 'UserRead' } };
    }
    return this.record();
  }

  /** Called once the server answered an event (only then may it be retried: no race with the first send). */
  answeredEvent(id: string, input: Record<string, unknown>): void {
    if (this.answered.length < 5000) this.answered.push({ id, input });
    else this.answered[Math.floor(this.random() * this.answered.length)] = { id, input };
  }

  private record(): Request {
    const body = (input: Record<string, unknown>) => ({ query: RECORD, variables: { in: input }, operationName: 'RecordInteraction' });
    if (this.answered.length > 0 && this.random() < this.o.dupShare) {
      const prev = this.pick(this.answered);
      return { operation: 'recordInteraction (retry)', kind: 'write', body: body(prev.input), event: { id: prev.id, input: prev.input, retry: true } };
    }
    const id = `soak-${this.o.runId}-${++this.sent}`;
    const input = { eventId: id, userId: this.pick(this.o.users), itemId: this.pick(this.o.items), type: this.pick(EVENT_TYPES) };
    return { operation: 'recordInteraction', kind: 'write', body: body(input), event: { id, input, retry: false } };
  }

  private pick<T>(xs: readonly T[]): T {
    const x = xs[Math.floor(this.random() * xs.length)];
    if (x === undefined) throw new Error('empty id list');
    return x;
  }
}
