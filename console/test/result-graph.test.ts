import { describe, expect, it } from 'vitest';
import { cellText, resultElements } from '../src/lib/result-graph.ts';

const node = (id: string, label: string, properties: Record<string, unknown>) => ({ '~node': { id, labels: [label], properties } });
const rel = (id: string, type: string, start: string, end: string) => ({ '~rel': { id, type, start, end, properties: {} } });

describe('result graph', () => {
  const ann = node('4:a', 'User', { id: 'u1', name: 'Ann' });
  const eve = node('4:e', 'User', { id: 'u5', name: 'Eve' });
  const shirt = node('4:i', 'Item', { id: 'i1', title: 'Linen shirt' });

  it('collects nodes and relationships from cells, lists, maps and paths, once each', () => {
    const rows = [
      [ann, rel('5:f', 'FOLLOWS', '4:a', '4:e'), { '~path': { nodes: [ann, eve], rels: [rel('5:f', 'FOLLOWS', '4:a', '4:e')] } }],
      [{ items: [shirt] }, rel('5:x', 'INTERACTED', '4:a', '4:missing'), 3],
    ];
    expect(resultElements(rows).map((e) => [e.data.id, e.data.label, e.data.source ?? '', e.data.target ?? ''])).toEqual([
      ['4:a', 'Ann', '', ''], ['4:e', 'Eve', '', ''], ['4:i', 'Linen shirt', '', ''], ['rel:5:f', 'FOLLOWS', '4:a', '4:e'],
    ]);
  });

  it('writes cells for people: nodes with labels and caption, relationships by type, paths by nodes, values as JSON', () => {
    expect(cellText(ann)).toBe('(:User Ann)');
    expect(cellText(rel('5:f', 'FOLLOWS', '4:a', '4:e'))).toBe('[:FOLLOWS]');
    expect(cellText({ '~path': { nodes: [ann, eve], rels: [] } })).toBe('(:User Ann)→(:User Eve)');
    expect(cellText('u1')).toBe('u1');
    expect(cellText([1, 2])).toBe('[1,2]');
    expect(cellText(null)).toBe('null');
  });
});
