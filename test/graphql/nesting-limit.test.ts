import { describe, expect, it } from 'vitest';
import { bracketNesting } from '../../src/graphql/use-nesting-limit.ts';

describe('bracketNesting', () => {
  it('counts the deepest nesting of braces, brackets and parentheses together', () => {
    expect(bracketNesting('{ a }')).toBe(1);
    expect(bracketNesting('{ a(x: [[1]]) { b { c } } }')).toBe(4);
    expect(bracketNesting('{ a } { b { c } }')).toBe(2);
  });

  it('ignores brackets inside strings, block strings and comments', () => {
    expect(bracketNesting('{ a(s: "{{[[((") }')).toBe(2);
    expect(bracketNesting('{ a(s: "esc \\" {{{") }')).toBe(2);
    expect(bracketNesting('{ a(s: """ {{{ \\""" [[[ """) }')).toBe(2);
    expect(bracketNesting('# {{{{\n{ a }')).toBe(1);
  });

  it('stops counting once the limit is passed', () => {
    expect(bracketNesting('['.repeat(100_000), 64)).toBe(65);
    expect(bracketNesting('['.repeat(100_000))).toBe(100_000);
  });
});
