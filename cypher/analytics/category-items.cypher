// The items of one category, for the categoryId segment filter of the in-memory event logs (only events on
// these items count, as in transition-counts.cypher's EXISTS { (e)-[:ON]->(:Item)-[:IN_CATEGORY]->(...) }).
// :param categoryId => 'c1'
MATCH (:Category {id: $categoryId})<-[:IN_CATEGORY]-(i:Item)
RETURN collect(i.id) AS itemIds
