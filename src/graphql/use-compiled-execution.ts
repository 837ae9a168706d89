import { useGraphQlJit } from '@envelop/graphql-jit';
import type { Plugin } from 'graphql-yoga';

/**
 * Executes each operation with graphql-jit (through envelop's own plugin) instead of graphql-js's
 * interpreter: a document is compiled once into a function specialised to its selection, so a page of 20
 * recommendations with items, categories and reasons (a few hundred fields) no longer walks the AST and
 * resolves field by field generically on every request (about a third of the API's CPU per uncached page
 * in docs/benchmarks.md §3). The compiled function is kept with the parsed document (yoga's parse cache
 * holds the documents, so a repeated query string compiles once). Hooks around execution are unchanged:
 * the limits (list caps, cost budget) run in onExecute before it, errors are masked after it. A document
 * graphql-jit cannot compile is reported by `onError` and answered with graphql-js's errors for it.
 */
export function useCompiledExecution(onError: (err: unknown) => void): Plugin {
  // Only its execution hook: the API has no subscriptions (envelop's Plugin<{}> is not assignable to yoga's as a whole).
  const { onExecute } = useGraphQlJit({}, { onError });
  return onExecute === undefined ? {} : { onExecute };
}
