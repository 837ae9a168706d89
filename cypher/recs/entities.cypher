// Everything a page of recommendations shows, in one round trip: the items (same projection as
// api/items-by-ids), their categories and tags plus any the reasons name, and the users the reasons name
// (same projection as api/users-by-ids). The API primes its per-request loaders with them.
// :param itemIds => ['i1', 'i2']
// :param categoryIds => []
// :param tagIds => []
// :param userIds => ['u1']
CALL () {
  UNWIND $itemIds AS id
  MATCH (i:Item {id: id})
  RETURN collect(i {.id, .title, .price,
                    categoryIds: [(i)-[:IN_CATEGORY]->(c:Category) | c.id],
                    tagIds: [(i)-[:HAS_TAG]->(t:Tag) | t.id],
                    popularity: COUNT { (:User)-[:INTERACTED]->(i) }}) AS items
}
CALL () {
  CALL () {
    UNWIND $itemIds AS id MATCH (:Item {id: id})-[:IN_CATEGORY]->(c:Category) RETURN c
    UNION
    UNWIND $categoryIds AS id MATCH (c:Category {id: id}) RETURN c
  }
  RETURN collect(c {.id, .name}) AS categories
}
CALL () {
  CALL () {
    UNWIND $itemIds AS id MATCH (:Item {id: id})-[:HAS_TAG]->(t:Tag) RETURN t
    UNION
    UNWIND $tagIds AS id MATCH (t:Tag {id: id}) RETURN t
  }
  RETURN collect(t {.id, .name}) AS tags
}
CALL () {
  UNWIND $userIds AS id
  MATCH (u:User {id: id})
  RETURN collect(u {.id, .name, .age, .gender, .location, .consentPersonalisation, .consentSocial, .consentAnalytics, .consentMarketing, .createdAt}) AS users
}
RETURN items, categories, tags, users
