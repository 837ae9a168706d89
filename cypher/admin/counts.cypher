// Node and relationship counts by label / type (served from the count store: constant time).
CALL () {
  MATCH (u:User) RETURN 'User' AS name, 'node' AS kind, count(u) AS n
  UNION ALL MATCH (i:Item) RETURN 'Item' AS name, 'node' AS kind, count(i) AS n
  UNION ALL MATCH (c:Category) RETURN 'Category' AS name, 'node' AS kind, count(c) AS n
  UNION ALL MATCH (t:Tag) RETURN 'Tag' AS name, 'node' AS kind, count(t) AS n
  UNION ALL MATCH (e:Event) RETURN 'Event' AS name, 'node' AS kind, count(e) AS n
  UNION ALL MATCH ()-[r:INTERACTED]->() RETURN 'INTERACTED' AS name, 'relationship' AS kind, count(r) AS n
  UNION ALL MATCH ()-[r:FRIEND]->() RETURN 'FRIEND' AS name, 'relationship' AS kind, count(r) AS n
  UNION ALL MATCH ()-[r:FOLLOWS]->() RETURN 'FOLLOWS' AS name, 'relationship' AS kind, count(r) AS n
  UNION ALL MATCH ()-[r:IN_CATEGORY]->() RETURN 'IN_CATEGORY' AS name, 'relationship' AS kind, count(r) AS n
  UNION ALL MATCH ()-[r:HAS_TAG]->() RETURN 'HAS_TAG' AS name, 'relationship' AS kind, count(r) AS n
  UNION ALL MATCH ()-[r:PERFORMED]->() RETURN 'PERFORMED' AS name, 'relationship' AS kind, count(r) AS n
}
RETURN name, kind, n
