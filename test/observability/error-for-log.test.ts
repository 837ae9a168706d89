import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { errorForLog, scrubMessage } from '../../src/observability/error-for-log.ts';

describe('errorForLog: what an unexpected error may write into the logs', () => {
  it('replaces quoted parts of messages (single, double, with escaped quotes)', () => {
    expect(scrubMessage(`Node(7) already exists with label \`User\` and property \`id\` = 'alice'`))
      .toBe('Node(7) already exists with label `User` and property `id` = <redacted>');
    expect(scrubMessage('Unexpected token, "{\\"name\\": \\"Bob\\"}" is not valid JSON')).toBe('Unexpected token, <redacted> is not valid JSON');
  });

  it('an apostrophe pairs with the next quote: it over-redacts, it never lets a quoted value through', () => {
    expect(scrubMessage("it's 'x'")).toBe('it<redacted>x\'');
  });

  it('truncates long messages', () => {
    expect(scrubMessage('a'.repeat(400))).toBe(`${'a'.repeat(300)}...`);
  });

  it('unwraps GraphQL errors to the thrown one and keeps only type, message, code and frames', () => {
    const thrown = Object.assign(new TypeError("Cannot read properties of undefined (reading 'secret')"), { code: 'ERR_X', params: { name: 'Bob' } });
    const wrapped = new GraphQLError('wrapped', { originalError: thrown, path: ['user', 'name'] });
    const logged = errorForLog(wrapped);
    expect(logged.type).toBe('TypeError');
    expect(logged.message).toBe('Cannot read properties of undefined (reading <redacted>)');
    expect(logged.code).toBe('ERR_X');
    expect(logged.stack?.split('\n').every((l) => l.startsWith('at '))).toBe(true);
    expect(Object.keys(logged).sort()).toEqual(['code', 'message', 'stack', 'type']);
  });

  it('follows causes (bounded) and describes non-errors without their value', () => {
    const logged = errorForLog(new Error('outer', { cause: new Error("inner 'v'") }));
    expect(logged.cause?.message).toBe('inner <redacted>');
    expect(errorForLog('a thrown string with alice in it')).toEqual({ type: 'string', message: '<not an Error>' });
  });
});
