import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { FIELD_PRICES } from './field-costs.ts';
import { limitError } from './limit-error.ts';
import { findListOverCap, type ListCaps } from './list-caps.ts';
import { operationCost, type PriceTable } from './operation-cost.ts';

export interface OperationLimits {
  readonly maxCost: number;
  readonly listCaps: ListCaps;
  readonly prices?: PriceTable;
}

/**
 * The limits that need the variables (a page size or a list can come from `$first` / `$ids`), so they run
 * after validation, just before execution: list-argument caps, then the cost budget. A refused operation
 * runs no resolver and sends no query to the database.
 */
export function useOperationLimits(limits: OperationLimits): Plugin {
  const prices = limits.prices ?? FIELD_PRICES;
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const variables = (args.variableValues ?? {}) as Record<string, unknown>;
      const over = findListOverCap(args.document, variables, limits.listCaps);
      if (over !== undefined) {
        setResultAndStopExecution({
          errors: [limitError('listLength', `${over.field}(${over.argument}:) has ${over.length} elements; at most ${over.max} are allowed`, {
            max: over.max, found: over.length, field: over.argument,
          })],
        });
        return;
      }
      const operation = getOperationAST(args.document, args.operationName);
      if (operation == null) return; // execution reports the unknown or ambiguous operation name
      const cost = Math.ceil(operationCost(args.schema, args.document, operation, variables, prices));
      if (cost > limits.maxCost) {
        setResultAndStopExecution({
          errors: [limitError('cost', `the operation's estimated cost ${cost} exceeds the budget of ${limits.maxCost} (ask for smaller pages or fewer analytics fields per request)`, {
            max: limits.maxCost, found: cost,
          })],
        });
      }
    },
  };
}
