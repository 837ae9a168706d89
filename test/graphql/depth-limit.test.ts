import { Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { depthOf } from '../../src/graphql/use-depth-limit.ts';

function depth(query: string): number {
  const doc = parse(query);
  const fragments = new Map(doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return depthOf(op!.selectionSet, fragments);
}

describe('depthOf', () => {
  it('counts nested fields', () => {
    expect(depth('{ a }')).toBe(1);
    expect(depth('{ a { b { c } } d }')).toBe(3);
  });
  it('follows fragments and inline fragments, ignores introspection', () => {
    expect(depth('{ a { ...F } } fragment F on T { b { c } }')).toBe(3);
    expect(depth('{ a { ... on T { b } } __typename }')).toBe(2);
    expect(depth('{ __schema { types { fields { name } } } }')).toBe(0);
  });
  it('terminates on fragment cycles', () => {
    expect(depth('{ a { ...F } } fragment F on T { b { ...F } }')).toBe(2);
  });
});
