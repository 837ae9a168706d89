// The privacy API over HTTP (yoga.fetch) against the real Neo4j: consent on User, upsertUser and setConsent,
// a refusal of personalisation visible in reasons, deleteUser and exportUserData; then the same API with
// pseudonymisation on, for the live path and a batch load: clients send their own ids, the graph holds only
// pseudonyms and no dropped PII.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PRIVACY, type PrivacyConfig } from '../../src/config.ts';
import { asEventId, asItemId, asUserId } from '../../src/domain/ids.ts';
import type { IngestRecord } from '../../src/domain/ingest.ts';
import type { GraphConnection } from '../../src/storage/connect.ts';
import { GraphWriter } from '../../src/storage/graph-writer.ts';
import { ingestSource } from '../../src/usecases/ingest/ingest-source.ts';
import { pseudonym, userIdCodec } from '../../src/usecases/privacy/user-id-codec.ts';
import { createTestApi, bearer } from '../support/api.ts';
import { openTestGraph } from '../support/graph.ts';
import { writeShop } from '../recs/fixture.ts';
import { findInStore } from './find-string.ts';

const KEY = 'k'.repeat(32);
const PSEUDO: PrivacyConfig = { ...DEFAULT_PRIVACY, pseudonym: { key: KEY, length: 22 }, keepPii: ['age'] };
const p = (id: string) => pseudonym(id, KEY, 22);

describe('privacy API over HTTP', () => {
  let graph: GraphConnection;
  let gql: ReturnType<typeof createTestApi>['gql'];
  const ok = async (query: string, variables: Record<string, unknown> = {}) => {
    const r = await gql(query, variables);
    expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
    return r.body.data as Record<string, unknown>;
  };
  const code = async (query: string, variables: Record<string, unknown> = {}) => (await gql(query, variables)).body.errors?.[0]?.extensions?.['code'];

  beforeAll(async () => {
    graph = await openTestGraph();
    await writeShop(graph.executor);
    gql = createTestApi(graph).gql;
  });
  afterAll(async () => graph.close());

  it('User.consent as it applies; upsertUser and setConsent change only the purposes given', async () => {
    expect(await ok('{ user(id: "hank") { consent { personalisation social analytics marketing } } }')).toEqual({
      user: { consent: { personalisation: true, social: false, analytics: true, marketing: true } },
    });
    await ok('mutation { upsertUser(input: { id: "ivy", name: "Ivy", consent: { analytics: false } }) { id } }');
    const set = await ok('mutation($c: ConsentInput!) { setConsent(userId: "ivy", consent: $c) { id consent { personalisation social analytics marketing } } }', { c: { social: false, marketing: false } });
    expect(set).toEqual({ setConsent: { id: 'ivy', consent: { personalisation: true, social: false, analytics: false, marketing: false } } });
    expect(await code('mutation { setConsent(userId: "nobody", consent: { social: true }) { id } }')).toBe('NOT_FOUND');
    expect(await code('mutation { setConsent(userId: "ivy", consent: {}) { id } }')).toBe('INVALID_INPUT');
  });

  it('a user who refused personalisation sees popular items whose reasons say so', async () => {
    await ok('mutation { setConsent(userId: "carol", consent: { personalisation: false }) { id } }');
    const data = await ok(`{ recommendations(userId: "carol", first: 2) { strategy edges { node { sources item { id }
      reasons { kind text ... on PopularReason { personalisationOff } } } } } }`);
    expect(data).toEqual({ recommendations: { strategy: 'POPULAR', edges: [
      { node: { sources: ['POPULAR'], item: { id: 'i1' }, reasons: [{ kind: 'POPULAR', personalisationOff: true, text: expect.stringContaining('personalisation is off') }] } },
      { node: { sources: ['POPULAR'], item: { id: 'i2' }, reasons: [{ kind: 'POPULAR', personalisationOff: true, text: expect.stringContaining('personalisation is off') }] } },
    ] } });
  });

  it('exportUserData returns the JSON document; deleteUser erases, then NOT_FOUND', async () => {
    const doc = (await ok('{ exportUserData(id: "dave") }'))['exportUserData'] as { user: { id: string }; events: { itemId: string }[]; followers: { userId: string }[] };
    expect(doc.user.id).toBe('dave');
    // Both at NOW: (ts, id) order puts event e10 (i4) before e9 (i2).
    expect(doc.events.map((e) => e.itemId)).toEqual(['i4', 'i2']);
    expect(doc.followers).toEqual([{ userId: 'alice' }]);
    const erased = await ok('mutation { deleteUser(id: "dave") { events relationships erasedAt } }');
    expect(erased).toEqual({ deleteUser: { events: 2, relationships: 3, erasedAt: expect.any(String) } });
    expect(await findInStore(graph.executor, 'dave')).toEqual([]);
    expect(await ok('{ user(id: "dave") { id } }')).toEqual({ user: null });
    expect(await code('mutation { deleteUser(id: "dave") { events } }')).toBe('NOT_FOUND');
    expect(await code('{ exportUserData(id: "dave") }')).toBe('NOT_FOUND');
  });

  describe('with pseudonymisation (GREC_PSEUDONYM_KEY, GREC_KEEP_PII=age)', () => {
    let pgql: ReturnType<typeof createTestApi>['gql'];
    const pok = async (query: string, variables: Record<string, unknown> = {}) => {
      const r = await pgql(query, variables);
      expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
      return r.body.data as Record<string, unknown>;
    };
    beforeAll(() => {
      pgql = createTestApi(graph, PSEUDO).gql;
    });

    it('live path: clients send their ids, the graph only ever sees pseudonyms, PII dropped but age kept', async () => {
      await pok('mutation { upsertUser(input: { id: "customer-42", name: "Grace Hopper", age: 85, location: "Arlington" }) { id } }');
      await pok('mutation { recordInteraction(input: { eventId: "ev-c42-1", userId: "customer-42", itemId: "i1", type: PURCHASE }) { created } }');
      // Writes naming unknown users are NOT_FOUND (GREC_AUTO_CREATE off): the friend exists first.
      await pok('mutation { upsertUser(input: { id: "customer-7", name: "Seven" }) { id } }');
      await pok('mutation { addFriend(userId: "customer-42", friendId: "customer-7") { changed } }');
      expect(await pok('{ user(id: "customer-42") { id name age location friends { edges { node { id } } } } }')).toEqual({
        user: { id: p('customer-42'), name: null, age: 85, location: null, friends: { edges: [{ node: { id: p('customer-7') } }] } },
      });
      const recs = await pok('{ recommendations(userId: "customer-42", strategy: ITEM_CF, first: 3) { edges { node { item { id } } } } }');
      expect((recs['recommendations'] as { edges: unknown[] }).edges.length).toBeGreaterThan(0);
      expect(await pok('{ exportUserData(id: "customer-42") }')).toMatchObject({ exportUserData: { user: { id: p('customer-42'), age: 85 } } });
      expect(await findInStore(graph.executor, 'customer-')).toEqual([]);
      expect(await findInStore(graph.executor, 'Grace')).toEqual([]);
      expect(await findInStore(graph.executor, 'Arlington')).toEqual([]);
      // A shopper's token names the user as the shop knows it; it acts for the pseudonymised user.
      const own = await pgql('{ user(id: "customer-42") { id age } }', {}, bearer('shopper', 'customer-42'));
      expect(own.body).toEqual({ data: { user: { id: p('customer-42'), age: 85 } } });
      const other = await pgql('{ user(id: "customer-7") { id } }', {}, bearer('shopper', 'customer-42'));
      expect(other.body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
      await pok('mutation { deleteUser(id: "customer-42") { events } }');
      expect(await pok('{ user(id: "customer-42") { id } }')).toEqual({ user: null });
    });

    it('batch load: every user id of every record is a pseudonym before it is written', async () => {
      const rows: IngestRecord[] = [
        { kind: 'user', user: { id: asUserId('shop-user-1'), name: 'Linus', gender: 'male', age: 30 } },
        { kind: 'event', event: { id: asEventId('shop-ev-1'), userId: asUserId('shop-user-1'), itemId: asItemId('i3'), type: 'view', ts: 1_000 } },
        { kind: 'aggregate', interaction: { userId: asUserId('shop-user-2'), itemId: asItemId('i4'), count: 3 } },
        { kind: 'social', edge: { kind: 'FOLLOWS', from: asUserId('shop-user-2'), to: asUserId('shop-user-1') } },
      ];
      const source = { name: 'test', rows: async function* () { yield* rows; } };
      await ingestSource(source, new GraphWriter(graph.executor), { userIds: userIdCodec(PSEUDO) });
      expect(await findInStore(graph.executor, 'shop-user')).toEqual([]);
      expect(await findInStore(graph.executor, 'Linus')).toEqual([]);
      const [u] = await graph.executor.read('MATCH (u:User {id: $id}) RETURN properties(u) AS props, COUNT { (u)<-[:FOLLOWS]-(:User {id: $other}) } AS followers', {
        id: p('shop-user-1'), other: p('shop-user-2'),
      });
      // Kept: the pseudonym, the age (GREC_KEEP_PII=age) and the profile counters of the one view; no name.
      const counters = { views: 1, favourites: 0, carts: 0, purchases: 0, cancels: 0, ratings: 0, monetary: 0, unpricedPurchases: 0, firstActivityTs: 1_000, lastActivityTs: 1_000 };
      expect(u).toEqual({ props: { id: p('shop-user-1'), age: 30, ...counters }, followers: 1 });
      expect(await pok('{ user(id: "shop-user-1") { id interactions { edges { node { item { id } } } } } }')).toEqual({
        user: { id: p('shop-user-1'), interactions: { edges: [{ node: { item: { id: 'i3' } } }] } },
      });
    });
  });
});
