// The CONTENT source's serving index, read in one query and kept in memory by the API (see
// src/usecases/recommend/content-index.ts): every item with the features content.cypher matches on (its
// categories and tags) and n_i, the number of users with a positive interaction on it (content.cypher's
// item bias). The hybrid scores CONTENT from this plus the user's current interactions; content.cypher stays
// the analyst's single strategy and gives the same candidates and scores on the same data.
MATCH (i:Item)
RETURN i.id AS id,
       [(i)-[:IN_CATEGORY]->(c:Category) | c.id] AS categoryIds,
       [(i)-[:HAS_TAG]->(t:Tag) | t.id] AS tagIds,
       COUNT { MATCH (:User)-[x:INTERACTED]->(i) WHERE x.weight > 0 } AS positiveUsers
