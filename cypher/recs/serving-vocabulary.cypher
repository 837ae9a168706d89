// Every category and tag with its name, for the recommendation serving state (the names a page shows).
CALL () { MATCH (c:Category) RETURN collect(c {.id, .name}) AS categories }
CALL () { MATCH (t:Tag) RETURN collect(t {.id, .name}) AS tags }
RETURN categories, tags
