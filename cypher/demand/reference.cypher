// What a demand question starts from: the latest event in the graph (its default "now"), and whether the
// item or category asked about exists (null parameter: not asked), so an unknown id is NOT_FOUND rather
// than a forecast of zeros.
// :param itemId => null
// :param categoryId => 'c1'
CALL () { MATCH (e:Event) RETURN max(e.ts) AS lastTs }
RETURN lastTs,
       $itemId IS NULL OR EXISTS { MATCH (:Item {id: $itemId}) } AS itemFound,
       $categoryId IS NULL OR EXISTS { MATCH (:Category {id: $categoryId}) } AS categoryFound
