import { describe, expect, it } from 'vitest';
import { heatmapCells, sessionFlow, stateOfNode, type Matrix } from '../src/lib/chain-flow.ts';

// START -> VIEW (1.0); VIEW -> VIEW 0.5, CART 0.25, EXIT 0.25; CART -> PURCHASE 0.5, EXIT 0.5. 8 sessions.
const STATES = ['START', 'VIEW', 'CART', 'PURCHASE', 'EXIT'];
const M: Matrix = {
  states: STATES,
  rows: [
    { from: 'START', support: 8, hasData: true, probabilities: [0, 1, 0, 0, 0] },
    { from: 'VIEW', support: 16, hasData: true, probabilities: [0, 0.5, 0.25, 0, 0.25] },
    { from: 'CART', support: 4, hasData: true, probabilities: [0, 0, 0, 0.5, 0.5] },
    { from: 'PURCHASE', support: 0, hasData: false, probabilities: null },
    { from: 'EXIT', support: 0, hasData: true, probabilities: [0, 0, 0, 0, 1] },
  ],
};

describe('heatmapCells', () => {
  it('gives [to, from, p] for rows with data and nothing for rows without', () => {
    const cells = heatmapCells(M);
    expect(cells.filter((c) => c[1] === 3)).toEqual([]);
    expect(cells.filter((c) => c[1] === 1)).toEqual([[0, 1, 0], [1, 1, 0.5], [2, 1, 0.25], [3, 1, 0], [4, 1, 0.25]]);
    expect(cells.length).toBe(4 * 5);
  });
});

describe('sessionFlow', () => {
  it('unrolls START three steps deep, stopping at the ends, conserving the 8 sessions', () => {
    const f = sessionFlow(M, 3);
    expect(f.sessions).toBe(8);
    expect(f.links).toEqual([
      { source: 'START·0', target: 'VIEW·1', value: 8 },
      { source: 'VIEW·1', target: 'VIEW·2', value: 4 },
      { source: 'VIEW·1', target: 'CART·2', value: 2 },
      { source: 'VIEW·1', target: 'EXIT', value: 2 },
      { source: 'VIEW·2', target: 'VIEW·3', value: 2 },
      { source: 'VIEW·2', target: 'CART·3', value: 1 },
      { source: 'VIEW·2', target: 'EXIT', value: 1 },
      { source: 'CART·2', target: 'PURCHASE', value: 1 },
      { source: 'CART·2', target: 'EXIT', value: 1 },
      { source: 'VIEW·3', target: 'later', value: 2 },
      { source: 'CART·3', target: 'later', value: 1 },
    ]);
    const ended = f.links.filter((l) => ['PURCHASE', 'EXIT', 'later'].includes(l.target)).reduce((s, l) => s + l.value, 0);
    expect(ended).toBe(8);
  });

  it('sends mass reaching a state without data to "no data", and drops links under minValue', () => {
    const m: Matrix = { states: STATES, rows: M.rows.map((r) => (r.from === 'CART' ? { ...r, hasData: false, probabilities: null } : r)) };
    const f = sessionFlow(m, 3, 1.5);
    expect(f.links).toEqual([
      { source: 'START·0', target: 'VIEW·1', value: 8 },
      { source: 'VIEW·1', target: 'VIEW·2', value: 4 },
      { source: 'VIEW·1', target: 'CART·2', value: 2 },
      { source: 'VIEW·1', target: 'EXIT', value: 2 },
      { source: 'VIEW·2', target: 'VIEW·3', value: 2 },
      { source: 'CART·2', target: 'no data', value: 2 },
      { source: 'VIEW·3', target: 'later', value: 2 },
    ]);
    expect(f.nodes).toEqual(['START·0', 'VIEW·1', 'VIEW·2', 'CART·2', 'EXIT', 'VIEW·3', 'no data', 'later']);
  });

  it('is empty without sessions, and names nodes by state', () => {
    expect(sessionFlow({ states: STATES, rows: [] }).links).toEqual([]);
    expect(stateOfNode('CART·3')).toBe('CART');
    expect(stateOfNode('EXIT')).toBe('EXIT');
  });
});
