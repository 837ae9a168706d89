// A Cypher result (runCypher rows, with nodes, relationships and paths kept as {"~node"}, {"~rel"}, {"~path"})
// as a table's cell text and as graph elements for the Cypher view.

interface NodeJson { id: string; labels: string[]; properties: Record<string, unknown> }
interface RelJson { id: string; type: string; start: string; end: string; properties: Record<string, unknown> }

export interface ResultElement {
  readonly group: 'nodes' | 'edges';
  readonly data: { readonly id: string; readonly label: string; readonly kind: string; readonly source?: string; readonly target?: string };
  readonly classes: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const asNode = (v: unknown): NodeJson | null => (isObject(v) && isObject(v['~node']) ? (v['~node'] as unknown as NodeJson) : null);
const asRel = (v: unknown): RelJson | null => (isObject(v) && isObject(v['~rel']) ? (v['~rel'] as unknown as RelJson) : null);

/** What a node is called on screen: its name, else title, else id property, else its first label. */
export function nodeCaption(n: NodeJson): string {
  const p = n.properties;
  for (const k of ['name', 'title', 'id']) if (typeof p[k] === 'string' || typeof p[k] === 'number') return String(p[k]);
  return n.labels[0] ?? n.id;
}

/** A cell as text: nodes as (:Label {id}), relationships as [:TYPE], paths by their nodes, the rest as JSON. */
export function cellText(v: unknown): string {
  const n = asNode(v);
  if (n !== null) return `(${n.labels.map((l) => `:${l}`).join('')} ${nodeCaption(n)})`;
  const r = asRel(v);
  if (r !== null) return `[:${r.type}]`;
  if (isObject(v) && isObject(v['~path'])) {
    const p = v['~path'] as { nodes: unknown[] };
    return p.nodes.map((x) => cellText(x)).join('→');
  }
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

/**
 * Every node and relationship anywhere in the rows (inside lists, maps and paths), once each; a relationship
 * whose end nodes were not returned is left out (there is nothing to attach it to). Nodes first, sorted by id.
 */
export function resultElements(rows: readonly (readonly unknown[])[]): ResultElement[] {
  const nodes = new Map<string, ResultElement>();
  const rels = new Map<string, RelJson>();
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(visit);
    if (!isObject(v)) return;
    const n = asNode(v);
    if (n !== null) {
      nodes.set(n.id, { group: 'nodes', data: { id: n.id, label: nodeCaption(n), kind: n.labels[0] ?? 'node' }, classes: `path-node ${n.labels.join(' ')}` });
      return;
    }
    const r = asRel(v);
    if (r !== null) {
      rels.set(r.id, r);
      return;
    }
    Object.values(v).forEach(visit);
  };
  rows.forEach((row) => row.forEach(visit));
  const edges: ResultElement[] = [...rels.values()]
    .filter((r) => nodes.has(r.start) && nodes.has(r.end))
    .map((r) => ({ group: 'edges', data: { id: `rel:${r.id}`, label: r.type, kind: r.type, source: r.start, target: r.end }, classes: r.type }));
  const byId = (a: ResultElement, b: ResultElement) => (a.data.id < b.data.id ? -1 : a.data.id > b.data.id ? 1 : 0);
  return [...[...nodes.values()].sort(byId), ...edges.sort(byId)];
}
