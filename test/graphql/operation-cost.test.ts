import { buildSchema, Kind, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { operationCost, type PriceTable } from '../../src/graphql/operation-cost.ts';

const schema = buildSchema(`
  type Query { users(first: Int = 20): UserConnection!, user(id: ID!): User, heavy: Stats!, recs(first: Int = 10): [Rec!]! }
  type UserConnection { edges: [UserEdge!]! }
  type UserEdge { node: User! }
  type User { id: ID!, name: String, friends(first: Int = 5): UserConnection! }
  type Stats { n: Int! }
  type Rec { score: Float!, user: User! }
`);
const PRICES: PriceTable = { 'Query.heavy': { base: 400 }, 'Query.recs': { base: 10, perItem: 2 } };

function cost(query: string, variables: Record<string, unknown> = {}): number {
  const doc = parse(query);
  const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return operationCost(schema, doc, op!, variables, PRICES);
}

describe('operationCost', () => {
  it('charges 1 per object field and nothing for scalars', () => {
    expect(cost('{ user(id: "a") { id name } }')).toBe(1);
  });

  it('multiplies a page selection by first, nested pages compound', () => {
    // users: 1 + 3 x (edges 1 + node 1)
    expect(cost('{ users(first: 3) { edges { node { id } } } }')).toBe(7);
    // friends: 1 + 10 x 2 = 21; node 1 + 21; edges 1 + 22; users 1 + 10 x 23
    expect(cost('{ users(first: 10) { edges { node { friends(first: 10) { edges { node { id } } } } } } }')).toBe(231);
  });

  it('uses the schema default when first is absent', () => {
    expect(cost('{ users { edges { node { id } } } }')).toBe(41);
  });

  it('reads first from the variables, then the variable default, then the schema default', () => {
    const q = 'query($n: Int) { users(first: $n) { edges { node { id } } } }';
    expect(cost(q, { n: 50 })).toBe(101);
    expect(cost('query($n: Int = 7) { users(first: $n) { edges { node { id } } } }')).toBe(15);
    expect(cost(q)).toBe(41);
    // A nonsense page size never makes the estimate cheaper than one element.
    expect(cost(q, { n: -5 })).toBe(3);
  });

  it('prices expensive fields from the table, per call and per requested item', () => {
    expect(cost('{ heavy { n } again: heavy { n } }')).toBe(800);
    // recs: 10 + 2 x 5 + 5 x (user 1)
    expect(cost('{ recs(first: 5) { score user { id } } }')).toBe(25);
  });

  it('prices each fragment once: 23 levels spreading the previous one twice is 2^23 calls, computed in one walk', () => {
    let doc = '{ ...F23 }\nfragment F0 on Query { heavy { n } }\n';
    for (let k = 1; k <= 23; k++) doc += `fragment F${k} on Query { ...F${k - 1} ...F${k - 1} }\n`;
    expect(cost(doc)).toBe(400 * 2 ** 23);
  });

  it('follows inline fragments and ignores introspection', () => {
    expect(cost('{ ... on Query { heavy { n } } }')).toBe(400);
    expect(cost('{ __schema { types { name } } __typename }')).toBe(0);
  });
});
