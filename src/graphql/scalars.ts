import { GraphQLError, GraphQLScalarType, Kind, valueFromASTUntyped } from 'graphql';

/**
 * JSON: any JSON value, output only (exportUserData's document). Not accepted as an input: no argument
 * needs free-form JSON, and a typed input is validated by GraphQL itself.
 */
export const JsonScalar = new GraphQLScalarType({
  name: 'JSON',
  serialize: (value) => value,
  parseValue() {
    throw new GraphQLError('JSON is an output-only scalar', { extensions: { code: 'INVALID_INPUT' } });
  },
  parseLiteral() {
    throw new GraphQLError('JSON is an output-only scalar', { extensions: { code: 'INVALID_INPUT' } });
  },
});

/** DateTime: epoch milliseconds inside, ISO-8601 strings on the wire. Inputs are checked, kept as strings. */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  serialize(value) {
    if (typeof value === 'number') return new Date(value).toISOString();
    if (typeof value === 'string') return value;
    throw new GraphQLError(`DateTime cannot represent ${String(value)}`);
  },
  parseValue(value) {
    if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) {
      throw new GraphQLError(`DateTime must be an ISO-8601 string, got ${JSON.stringify(value)}`, { extensions: { code: 'INVALID_INPUT' } });
    }
    return value;
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING || Number.isNaN(Date.parse(ast.value))) {
      throw new GraphQLError('DateTime must be an ISO-8601 string', { extensions: { code: 'INVALID_INPUT' } });
    }
    return ast.value;
  },
});

/**
 * RuleDocument: a segment rule as a JSON object, the one free-form input of the API. The scalar only checks
 * it is an object; the rule language (src/algorithms/segments/parse-rule.ts) validates it with field-named
 * errors, as it would for a rule from any other source.
 */
export const RuleDocumentScalar = new GraphQLScalarType({
  name: 'RuleDocument',
  serialize: (value) => value,
  parseValue(value) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new GraphQLError('a rule document is a JSON object, e.g. {"feature": "frequency", "op": "gte", "value": 2}', { extensions: { code: 'INVALID_INPUT' } });
    }
    return value;
  },
  parseLiteral(ast, variables) {
    if (ast.kind !== Kind.OBJECT) {
      throw new GraphQLError('a rule document is a JSON object, e.g. {feature: "frequency", op: "gte", value: 2}', { extensions: { code: 'INVALID_INPUT' } });
    }
    return valueFromASTUntyped(ast, variables);
  },
});
