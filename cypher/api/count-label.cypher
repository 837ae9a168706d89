// Total counts for connections (count store for labels; category filter counts members).
// :param categoryId => null
CALL () {
  MATCH (u:User) RETURN 'User' AS label, count(u) AS n
  UNION ALL
  MATCH (i:Item) WHERE $categoryId IS NULL OR EXISTS { (i)-[:IN_CATEGORY]->(:Category {id: $categoryId}) }
  RETURN 'Item' AS label, count(i) AS n
}
RETURN label, n
