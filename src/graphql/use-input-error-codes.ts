import { createGraphQLError, type Plugin } from 'graphql-yoga';

/**
 * Variable coercion errors (an unknown enum value or a wrong type sent in `variables`) are produced by
 * graphql-js before any resolver runs and carry no code. They are the client's input, so they get
 * INVALID_INPUT, like coded errors raised while parsing arguments.
 */
export function useInputErrorCodes(): Plugin {
  return {
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          if (!('errors' in result) || result.errors === undefined) return;
          const errors = result.errors.map((e) =>
            e.extensions?.['code'] === undefined && /^Variable "\$/.test(e.message)
              ? createGraphQLError(e.message, { extensions: { code: 'INVALID_INPUT' } })
              : e);
          setResult({ ...result, errors });
        },
      };
    },
  };
}
