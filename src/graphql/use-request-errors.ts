import { createGraphQLError, type Plugin } from 'graphql-yoga';

/**
 * yoga's request parsers JSON.parse the `variables` and `extensions` query parameters of a GET (and of a
 * form body) without a guard, so `?variables={oops` surfaced as a masked INTERNAL_SERVER_ERROR 500. Any
 * failure of a parser that is not already a coded GraphQL error is the client's malformed request: 400,
 * BAD_REQUEST, and no parser internals in the message. A request no parser accepts gets a coded 415.
 */
export function useRequestErrors(): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser }) {
      if (requestParser === undefined) {
        if (request.method !== 'POST') return; // other methods: yoga's coded 405
        // yoga would answer an empty 415; a coded body tells the client what to send instead.
        throw createGraphQLError(`unsupported content type ${JSON.stringify(request.headers.get('content-type') ?? '')}: send application/json`, {
          extensions: { code: 'BAD_REQUEST', http: { status: 415 } },
        });
      }
      const parse = requestParser;
      setRequestParser(async (request) => {
        try {
          return await parse(request);
        } catch (e) {
          // By name: yoga's errors may come from another build of graphql than this file's (see mask-error.ts).
          if (e instanceof Error && e.name === 'GraphQLError') throw e;
          throw createGraphQLError('malformed request: the query, variables and extensions parameters must be a string and JSON objects', {
            extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
          });
        }
      });
    },
  };
}
