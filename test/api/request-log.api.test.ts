import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { capabilityResolvers, createServices } from '../../src/app.ts';
import { createApi, type Api } from '../../src/graphql/server.ts';
import { createLogger } from '../../src/logger.ts';
import type { GraphConnection } from '../../src/storage/connect.ts';
import { openTestGraph } from '../support/graph.ts';
import { AS_ADMIN, testAuth } from '../support/api.ts';

// Personal data a session carries: in variables, inline in documents, in URLs, in ids, in error messages
// sent to the client, in the credentials. None of it may reach the log output.
const PII = {
  userId: 'shopper-7c1d9',
  inlineUserId: 'inline-user-55',
  ghostUserId: 'ghost-user-3141',
  name: 'Zelda Quirinus',
  inlineName: 'Ophelia Marchetti',
  location: 'Reykjavik Nord',
  inlineLocation: 'Valparaiso Cerro',
  gender: 'nonbinary-x',
  eventId: 'evt-private-8812',
  // A real, verifiable admin token: the request is served, and the token must still not be logged.
  token: (AS_ADMIN['authorization'] ?? '').replace(/^Bearer /, ''),
  cookie: 'session=c00kie-s3cret',
};
// Keys that would mean a request's content was logged, wherever they appear in a line.
const FORBIDDEN_KEYS = new Set(['variables', 'query', 'body', 'url', 'headers', 'authorization', 'cookie', 'name', 'age', 'location', 'gender', 'userId', 'source', 'nodes']);

describe('request logs carry no personal data (an API session through yoga.fetch)', () => {
  let graph: GraphConnection;
  let api: Api;
  const output: string[] = [];
  let sent = 0;

  const post = async (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) => {
    sent++;
    const res = await api.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${PII.token}`, cookie: PII.cookie, ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as { data?: Record<string, unknown>; errors?: { message: string; extensions?: { code?: string } }[] };
  };

  beforeAll(async () => {
    graph = await openTestGraph();
    const services = createServices(graph);
    // An unexpected failure whose message quotes request values, as Neo4j's messages do.
    vi.spyOn(services.analytics, 'journey').mockRejectedValue(
      new Error(`journey read failed: property \`location\` = '${PII.location}' on node with \`id\` = "${PII.userId}"`),
    );
    const logger = createLogger('info', { write: (line: string) => void output.push(line) });
    api = createApi({ services, auth: testAuth(graph), resolvers: capabilityResolvers(), logger });
  });
  afterAll(async () => graph.close());

  it('logs one line per request with id, operation, status, duration and codes, and nothing personal', async () => {
    const upsertUser = 'mutation SaveUser($in: UpsertUserInput!) { upsertUser(input: $in) { id name } }';
    expect((await post(upsertUser, { in: { id: PII.userId, name: PII.name, age: 47, gender: PII.gender, location: PII.location } })).errors).toBeUndefined();
    expect((await post(`mutation { upsertUser(input: { id: "${PII.inlineUserId}", name: "${PII.inlineName}", location: "${PII.inlineLocation}" }) { id } }`)).errors).toBeUndefined();
    expect((await post('mutation SaveItem($in: UpsertItemInput!) { upsertItem(input: $in) { id } }', { in: { id: 'pii-item-1', title: 'Wool hat', price: 20 } })).errors).toBeUndefined();
    const record = 'mutation Record($in: RecordInteractionInput!) { recordInteraction(input: $in) { created } }';
    const event = { eventId: PII.eventId, userId: PII.userId, itemId: 'pii-item-1', type: 'PURCHASE' };
    expect((await post(record, { in: event })).data).toEqual({ recordInteraction: { created: true } });
    expect((await post(record, { in: event })).data).toEqual({ recordInteraction: { created: false } });
    expect((await post('mutation Befriend($a: ID!, $b: ID!) { addFriend(userId: $a, friendId: $b) { changed } }', { a: PII.userId, b: PII.inlineUserId })).errors).toBeUndefined();
    const read = await post('query Profile($id: ID!) { user(id: $id) { name age gender location friends(first: 5) { edges { node { name } } } } }', { id: PII.userId });
    expect(read.data).toEqual({ user: { name: PII.name, age: 47, gender: PII.gender, location: PII.location, friends: { edges: [{ node: { name: PII.inlineName } }] } } });
    expect((await post('query Recs($id: ID!) { recommendations(userId: $id, first: 3) { edges { cursor } } }', { id: PII.userId })).errors).toBeUndefined();
    const ghost = await post('query Recs($id: ID!) { recommendations(userId: $id, first: 3) { edges { cursor } } }', { id: PII.ghostUserId });
    expect(ghost.errors?.[0]?.message).toContain(PII.ghostUserId); // the client is told; the log is not
    const failed = await post('query Journey($id: ID!) { journey(userId: $id) { currentState } }', { id: PII.userId }, { 'x-request-id': 'req-journey-1' });
    expect(failed.errors?.[0]).toMatchObject({ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    sent++;
    const get = await api.fetch(`http://localhost/graphql?query=${encodeURIComponent(`query ByUrl { user(id: "${PII.userId}") { name location } }`)}`, {
      headers: { accept: 'application/json', authorization: `Bearer ${PII.token}` },
    });
    expect(get.status).toBe(200);

    const text = output.join('');
    for (const value of Object.values(PII)) expect(text.toLowerCase()).not.toContain(value.toLowerCase());
    const lines = output.flatMap((chunk) => chunk.split('\n')).filter((l) => l.length > 0).map((l) => JSON.parse(l) as Record<string, unknown>);
    const walk = (v: unknown, path: string): void => {
      if (typeof v !== 'object' || v === null) return;
      for (const [k, child] of Object.entries(v)) {
        expect(FORBIDDEN_KEYS.has(k), `${path}.${k}`).toBe(false);
        walk(child, `${path}.${k}`);
      }
    };
    lines.forEach((l, k) => walk(l, `line ${k}`));

    const requests = lines.filter((l) => l['msg'] === 'request');
    expect(requests).toHaveLength(sent);
    expect(requests.map((r) => r['operationName'])).toEqual(
      ['SaveUser', 'anonymous', 'SaveItem', 'Record', 'Record', 'Befriend', 'Profile', 'Recs', 'Recs', 'Journey', 'ByUrl'],
    );
    expect(requests.map((r) => r['operationType'])).toEqual(
      ['mutation', 'mutation', 'mutation', 'mutation', 'mutation', 'mutation', 'query', 'query', 'query', 'query', 'query'],
    );
    for (const r of requests) {
      expect(r['status']).toBe(200);
      expect(typeof r['durationMs']).toBe('number');
      expect(r['requestId']).toMatch(/^[0-9a-f-]{36}$|^req-journey-1$/);
    }
    expect(new Set(requests.map((r) => r['requestId'])).size).toBe(sent);
    expect(requests[8]?.['errorCodes']).toEqual(['NOT_FOUND']);
    expect(requests[9]).toMatchObject({ requestId: 'req-journey-1', errorCodes: ['INTERNAL_SERVER_ERROR'], level: 40 });
    expect(requests.filter((r) => r['errorCodes'] !== undefined)).toHaveLength(2);

    // The masked error is logged once, with its class, scrubbed message and stack frames only.
    const unexpected = lines.filter((l) => l['msg'] === 'unexpected error in a resolver');
    expect(unexpected).toHaveLength(1);
    expect(unexpected[0]?.['requestId']).toBe('req-journey-1'); // matches its request line
    const err = unexpected[0]?.['err'] as Record<string, unknown>;
    expect(err['type']).toBe('Error');
    expect(err['message']).toBe('journey read failed: property `location` = <redacted> on node with `id` = <redacted>');
    expect(String(err['stack'])).toMatch(/^at /);
    expect(Object.keys(err).sort()).toEqual(['message', 'stack', 'type']);
  });
});
