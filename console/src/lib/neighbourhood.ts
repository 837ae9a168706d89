// The social neighbourhood graph of User 360: the users loaded so far (the centre, then each one expanded by a
// click), their friends and followed users, and the items at least two loaded users interacted with (the
// "shared items"; an item only one person touched says nothing about their tie). Recomputed from the loaded
// users on every expansion, so the picture never depends on the order of clicks.

export interface Person { readonly id: string; readonly name: string | null }
export interface ItemRef { readonly id: string; readonly title: string | null }
export interface Neighbourhood {
  readonly user: Person;
  readonly friends: readonly Person[];
  readonly following: readonly Person[];
  readonly items: readonly ItemRef[];
}

export interface GraphElement {
  readonly group: 'nodes' | 'edges';
  readonly data: { readonly id: string; readonly label?: string; readonly source?: string; readonly target?: string; readonly kind: string };
  readonly classes: string;
}

const userNode = (id: string) => `user:${id}`;
const itemNode = (id: string) => `item:${id}`;

/** Cytoscape elements, sorted (nodes by id, then edges by id) so the same users give the same graph. */
export function neighbourhoodElements(centre: string, loaded: ReadonlyMap<string, Neighbourhood>): GraphElement[] {
  const people = new Map<string, Person>();
  const edges = new Map<string, GraphElement>();
  const holders = new Map<string, { item: ItemRef; users: Set<string> }>();
  for (const n of loaded.values()) {
    people.set(n.user.id, n.user);
    for (const f of n.friends) {
      if (!people.has(f.id) || !loaded.has(f.id)) people.set(f.id, loaded.get(f.id)?.user ?? f);
      const [a, b] = n.user.id < f.id ? [n.user.id, f.id] : [f.id, n.user.id];
      const id = `friend:${a}|${b}`;
      edges.set(id, { group: 'edges', data: { id, source: userNode(a), target: userNode(b), kind: 'friend' }, classes: 'friend' });
    }
    for (const f of n.following) {
      if (!people.has(f.id)) people.set(f.id, f);
      const id = `follows:${n.user.id}>${f.id}`;
      edges.set(id, { group: 'edges', data: { id, source: userNode(n.user.id), target: userNode(f.id), kind: 'follows' }, classes: 'follows' });
    }
    for (const item of n.items) {
      const h = holders.get(item.id) ?? { item, users: new Set<string>() };
      h.users.add(n.user.id);
      holders.set(item.id, h);
    }
  }
  const nodes: GraphElement[] = [...people.values()].map((p) => ({
    group: 'nodes',
    data: { id: userNode(p.id), label: p.name ?? p.id, kind: 'user' },
    classes: ['user', p.id === centre ? 'centre' : '', loaded.has(p.id) ? 'loaded' : 'expandable'].filter((c) => c !== '').join(' '),
  }));
  for (const { item, users } of holders.values()) {
    if (users.size < 2) continue;
    nodes.push({ group: 'nodes', data: { id: itemNode(item.id), label: item.title ?? item.id, kind: 'item' }, classes: 'item' });
    for (const u of users) {
      const id = `shared:${u}>${item.id}`;
      edges.set(id, { group: 'edges', data: { id, source: userNode(u), target: itemNode(item.id), kind: 'shared' }, classes: 'shared' });
    }
  }
  const byId = (a: GraphElement, b: GraphElement) => (a.data.id < b.data.id ? -1 : a.data.id > b.data.id ? 1 : 0);
  return [...nodes.sort(byId), ...[...edges.values()].sort(byId)];
}

/** The user id behind a node id (`user:u7` -> `u7`), or null for items. */
export function userOfNode(nodeId: string): string | null {
  return nodeId.startsWith('user:') ? nodeId.slice('user:'.length) : null;
}
