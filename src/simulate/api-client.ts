// The simulator talks to the API as a frontend does: GraphQL over HTTP with a bearer token. A GraphQL
// error is thrown with its code and the operation's first line, so a failing run says what failed.
export class ApiError extends Error {
  constructor(message: string, readonly code: string | undefined) {
    super(message);
    this.name = 'ApiError';
  }
}

export class ApiClient {
  requests = 0;

  /** `fetchImpl`: the global fetch, or an in-process server's (tests drive the API without a port). */
  constructor(
    private readonly url: string,
    private readonly authorization: string,
    private readonly fetchImpl: (url: string, init: RequestInit) => Promise<Response> = fetch,
  ) {}

  async query<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    this.requests++;
    const res = await this.fetchImpl(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: this.authorization },
      body: JSON.stringify({ query, variables }),
    });
    const text = await res.text();
    let body: { data?: T | null; errors?: { message: string; extensions?: { code?: string } }[] };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      throw new ApiError(`HTTP ${res.status} from ${this.url}: ${text.slice(0, 200)}`, undefined);
    }
    const error = body.errors?.[0];
    if (error !== undefined) {
      throw new ApiError(`${error.extensions?.code ?? 'ERROR'}: ${error.message} (in ${query.trim().split('\n')[0]?.slice(0, 80)})`, error.extensions?.code);
    }
    if (body.data == null) throw new ApiError(`HTTP ${res.status}: no data`, undefined);
    return body.data;
  }
}

/**
 * The simulator's two identities: `staff` (an admin: creates and stops experiments, reads results and the user
 * list) and `frontend` (a shop backend, role service: serves pages, reports impressions and interactions).
 * Pages asked for by staff are side-effect-free previews (no assignment, no recommendationId), so the pages
 * shoppers see must be asked for as a frontend would.
 */
export interface SimulatorClients {
  readonly staff: ApiClient;
  readonly frontend: ApiClient;
}
