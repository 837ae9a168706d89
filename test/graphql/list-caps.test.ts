import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { findListOverCap, type ListCaps } from '../../src/graphql/list-caps.ts';

const CAPS: ListCaps = { max: 5, byArgument: { 'path.states': 2 } };
const check = (query: string, variables: Record<string, unknown> = {}) => findListOverCap(parse(query), variables, CAPS);

describe('findListOverCap', () => {
  it('accepts lists up to the cap and names the first argument over it', () => {
    expect(check('{ f(ids: [1, 2, 3, 4, 5]) }')).toBeUndefined();
    expect(check('{ f(ids: [1, 2, 3, 4, 5, 6]) }')).toEqual({ field: 'f', argument: 'ids', length: 6, max: 5 });
  });

  it('applies a lower per-argument cap, by field name even under an alias', () => {
    expect(check('{ path(states: [A, B]) }')).toBeUndefined();
    expect(check('{ p: path(states: [A, B, C]) }')).toEqual({ field: 'path', argument: 'states', length: 3, max: 2 });
  });

  it('looks inside input objects and nested lists', () => {
    expect(check('{ f(filter: { ids: [1, 2, 3, 4, 5, 6] }) }')).toEqual({ field: 'f', argument: 'filter.ids', length: 6, max: 5 });
    expect(check('{ f(m: [[1], [1, 2, 3, 4, 5, 6]]) }')).toEqual({ field: 'f', argument: 'm', length: 6, max: 5 });
  });

  it('checks the variables an argument uses, before coercion', () => {
    expect(check('query($s: [S!]!) { path(states: $s) }', { s: ['A', 'B', 'C'] })).toEqual({ field: 'path', argument: 'states', length: 3, max: 2 });
    expect(check('query($f: F) { f(filter: $f) }', { f: { ids: Array.from({ length: 10_000 }, (_, i) => i) } }))
      .toEqual({ field: 'f', argument: 'filter.ids', length: 10_000, max: 5 });
    expect(check('query($s: [S!]!) { path(states: $s) }', { s: 'A' })).toBeUndefined();
  });

  it('walks a 100,000-deep nested variable without overflowing the stack', () => {
    let deep: unknown = [];
    for (let k = 0; k < 100_000; k++) deep = [deep];
    expect(check('query($v: [V]) { f(v: $v) }', { v: deep })).toBeUndefined();
  });
});
