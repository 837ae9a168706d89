import { GraphQLError, Kind, type ASTNode, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * Rejects operations nested deeper than `maxDepth` fields (graphql-armor's default is 6; ours is 8 because
 * `recommendations { edges { node { reasons { ... on FriendsLikedReason { friends { ... } } } } } }` is 7).
 * Fragments are followed, with a guard against fragment cycles (those are already invalid GraphQL).
 * Complexity: one walk over the document.
 */
export function depthOf(selectionSet: SelectionSetNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>, seen = new Set<string>()): number {
  let max = 0;
  for (const sel of selectionSet.selections) {
    if (sel.kind === Kind.FIELD) {
      if (sel.name.value.startsWith('__')) continue; // introspection is not data depth
      max = Math.max(max, 1 + (sel.selectionSet !== undefined ? depthOf(sel.selectionSet, fragments, seen) : 0));
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      max = Math.max(max, depthOf(sel.selectionSet, fragments, seen));
    } else {
      const name = sel.name.value;
      const frag = fragments.get(name);
      if (frag === undefined || seen.has(name)) continue;
      max = Math.max(max, depthOf(frag.selectionSet, fragments, new Set([...seen, name])));
    }
  }
  return max;
}

export function useDepthLimit(maxDepth: number): Plugin {
  const rule = (context: ValidationContext) => {
    const doc = context.getDocument();
    const fragments = new Map(doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
    return {
      OperationDefinition(node: ASTNode & { selectionSet: SelectionSetNode; name?: { value: string } }) {
        const depth = depthOf(node.selectionSet, fragments);
        if (depth > maxDepth) {
          context.reportError(new GraphQLError(`query depth ${depth} exceeds the limit of ${maxDepth}`, { nodes: [node], extensions: { code: 'INVALID_INPUT' } }));
        }
      },
    };
  };
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(rule);
    },
  };
}
