// Item-item neighbours, step 3 of a rebuild: records that the lists are complete. ITEM_CF and similarItems
// read the lists (item-cf-neighbours, similar-items-neighbours) only once this node exists; before the first
// rebuild they run the bounded files (item-cf, similar-items), so results never vanish.
// :param builtAt => 1700000000000
// :param k => 100
// :param items => 3000
// :param edges => 300000
// :param ms => 1500
MERGE (m:ItemNeighbours {id: 'items'})
SET m.builtAt = $builtAt, m.k = $k, m.items = $items, m.edges = $edges, m.ms = $ms
RETURN m.builtAt AS builtAt
