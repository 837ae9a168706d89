import type { ValidationContext } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';

/**
 * Production without GREC_INTROSPECTION: `__schema` and `__type` fail validation, so the schema is not handed
 * to whoever asks. `__typename` stays: clients need it for unions and interfaces. (graphql's own
 * NoSchemaIntrospectionCustomRule does the same through instanceof checks, which fail under vitest where
 * yoga's schema and this file load different builds of graphql; names are enough here.)
 */
export function useIntrospectionGuard(): Plugin {
  const rule = (context: ValidationContext) => ({
    Field(node: { name: { value: string } }) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        context.reportError(createGraphQLError(`introspection is disabled (${node.name.value}); set GREC_INTROSPECTION=true to enable it`, {
          nodes: [node as never],
        }));
      }
    },
  });
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(rule);
    },
  };
}
