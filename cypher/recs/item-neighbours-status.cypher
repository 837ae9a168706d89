// Item-item neighbours: when the lists were last completed (null: never; ITEM_CF and similarItems then run
// the bounded files), with K and the size of the lists.
OPTIONAL MATCH (m:ItemNeighbours {id: 'items'})
RETURN m.builtAt AS builtAt, m.k AS k, m.items AS items, m.edges AS edges, m.ms AS ms
