import { BREAK, Kind, visit, type DocumentNode, type ValueNode } from 'graphql';

export interface ListCaps {
  /** Longest list any argument (or input field, at any depth) may carry. */
  readonly max: number;
  /** Lower caps by `field.argument[.inputField...]`, e.g. `sequenceProbability.states`. */
  readonly byArgument: Readonly<Record<string, number>>;
}

export interface ListCapViolation {
  /** The argument path inside its field, e.g. `states` or `filter.excludeItemIds`. */
  readonly argument: string;
  readonly field: string;
  readonly length: number;
  readonly max: number;
}

/**
 * The first list argument longer than its cap, in literals and in the variables the arguments use.
 * Checked before variables are coerced, so a 100,000-element `$ids` is refused without being copied.
 * Walks JSON values with an explicit stack: a deeply nested variable cannot overflow the call stack.
 */
export function findListOverCap(document: DocumentNode, variables: Readonly<Record<string, unknown>>, caps: ListCaps): ListCapViolation | undefined {
  let found: ListCapViolation | undefined;
  const capOf = (field: string, argument: string): number => Math.min(caps.max, caps.byArgument[`${field}.${argument}`] ?? caps.max);

  const checkJson = (root: unknown, field: string, argument: string): void => {
    const stack: [unknown, string][] = [[root, argument]];
    while (stack.length > 0 && found === undefined) {
      const [v, path] = stack.pop()!;
      if (Array.isArray(v)) {
        const max = capOf(field, path);
        if (v.length > max) found = { field, argument: path, length: v.length, max };
        else for (const item of v) stack.push([item, path]);
      } else if (v !== null && typeof v === 'object') {
        for (const [k, item] of Object.entries(v)) stack.push([item, `${path}.${k}`]);
      }
    }
  };

  const checkValue = (value: ValueNode, field: string, argument: string): void => {
    if (found !== undefined) return;
    if (value.kind === Kind.LIST) {
      const max = capOf(field, argument);
      if (value.values.length > max) found = { field, argument, length: value.values.length, max };
      else for (const v of value.values) checkValue(v, field, argument);
    } else if (value.kind === Kind.OBJECT) {
      for (const f of value.fields) checkValue(f.value, field, `${argument}.${f.name.value}`);
    } else if (value.kind === Kind.VARIABLE) {
      checkJson(variables[value.name.value], field, argument);
    }
  };

  visit(document, {
    Field(node) {
      for (const arg of node.arguments ?? []) checkValue(arg.value, node.name.value, arg.name.value);
      return found !== undefined ? BREAK : undefined;
    },
  });
  return found;
}

/**
 * Caps lower than the general one, where the use case has a natural bound: a behaviour path longer than
 * 100 states has no meaningful probability (it underflows), and a funnel has at most 20 steps (the use
 * case refuses more, with its own message; the cap refuses a 10,000-step list before it is coerced).
 */
export const LIST_CAPS_BY_ARGUMENT: Readonly<Record<string, number>> = {
  'sequenceProbability.states': 100,
  'funnel.steps': 20,
};
