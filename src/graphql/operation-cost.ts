import {
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type GraphQLType,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type VariableDefinitionNode,
} from 'graphql';

/** The price of one field: its own work, plus work per element it is asked for (`first`). */
export interface FieldPrice {
  readonly base: number;
  readonly perItem?: number;
}

/** Prices by schema coordinate (`Query.transitionMatrix`); unlisted fields: 1 for objects, 0 for scalars. */
export type PriceTable = Readonly<Record<string, FieldPrice>>;

// Types are inspected by shape, not with graphql's isObjectType/getNamedType: under vitest the schema comes
// from graphql's CommonJS build and this file from its ESM build, and the instanceof checks throw.
interface WithFields { readonly name: string; getFields(): Record<string, GraphQLField<unknown, unknown>> }
const hasFields = (t: unknown): t is WithFields => typeof t === 'object' && t !== null && typeof (t as Partial<WithFields>).getFields === 'function';
function namedType(t: GraphQLType): GraphQLNamedType {
  let u: GraphQLType = t;
  while ('ofType' in u && u.ofType !== undefined) u = u.ofType as GraphQLType;
  return u as GraphQLNamedType;
}

const OBJECT_PRICE: FieldPrice = { base: 1 };
const LEAF_PRICE: FieldPrice = { base: 0 };

/**
 * The estimated cost of running `operation`: each field costs its price plus, for a field with a `first`
 * argument, `first` times the cost of its selection (a page of 100 users with their 100 friends each
 * costs 100 x 100 node selections). Lists without `first` (an item's categories, a recommendation's
 * reasons) are bounded by the data and counted as one element. Abstract types are priced as the sum of
 * their inline fragments (an upper bound).
 *
 * `first` is read from the literal, else the variable's value, else the variable's default, else the
 * schema default. Each fragment is priced once and memoised (its price does not depend on where it is
 * spread), so the walk is linear in the document, even when every fragment spreads the previous one twice.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>>,
  prices: PriceTable,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const varDefs = new Map<string, VariableDefinitionNode>((operation.variableDefinitions ?? []).map((v) => [v.variable.name.value, v]));
  const memo = new Map<string, number>();

  const firstOf = (node: FieldNode, def: GraphQLField<unknown, unknown>): number => {
    const argDef = def.args.find((a) => a.name === 'first');
    if (argDef === undefined) return 1;
    const arg = node.arguments?.find((a) => a.name.value === 'first');
    let n: unknown = argDef.defaultValue;
    if (arg?.value.kind === Kind.INT) n = Number(arg.value.value);
    else if (arg?.value.kind === Kind.VARIABLE) {
      const name = arg.value.name.value;
      const dv = varDefs.get(name)?.defaultValue;
      n = name in variables ? variables[name] : dv?.kind === Kind.INT ? Number(dv.value) : argDef.defaultValue;
    }
    // Out-of-range values are refused by the use case; here they only must not make the estimate cheaper.
    return typeof n === 'number' && Number.isFinite(n) ? Math.max(1, Math.trunc(n)) : 1;
  };

  const selectionCost = (set: SelectionSetNode, parent: GraphQLNamedType | undefined): number => {
    let cost = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        if (sel.name.value.startsWith('__') || !hasFields(parent)) continue;
        const def = parent.getFields()[sel.name.value];
        if (def === undefined) continue;
        const type = namedType(def.type);
        const price = prices[`${parent.name}.${def.name}`] ?? (hasFields(type) || 'getTypes' in type ? OBJECT_PRICE : LEAF_PRICE);
        const n = firstOf(sel, def);
        const child = sel.selectionSet !== undefined ? selectionCost(sel.selectionSet, type) : 0;
        cost += price.base + (price.perItem ?? 0) * n + n * child;
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const type = sel.typeCondition !== undefined ? schema.getType(sel.typeCondition.name.value) : parent;
        cost += selectionCost(sel.selectionSet, type ?? undefined);
      } else {
        const name = sel.name.value;
        const known = memo.get(name);
        if (known !== undefined) {
          cost += known;
          continue;
        }
        const frag = fragments.get(name);
        if (frag === undefined) continue;
        memo.set(name, 0); // a cycle (invalid GraphQL, refused by validation) adds nothing
        const fragCost = selectionCost(frag.selectionSet, schema.getType(frag.typeCondition.name.value) ?? undefined);
        memo.set(name, fragCost);
        cost += fragCost;
      }
    }
    return cost;
  };

  const root = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  return selectionCost(operation.selectionSet, root ?? undefined);
}
