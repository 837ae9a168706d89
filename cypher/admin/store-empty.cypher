// Whether the store holds nothing but schema bookkeeping (SchemaMigration nodes): only then may a load
// replace the database with Neo4j's bulk importer (`grec load`, src/cli/load-graph.ts). API keys,
// campaigns or any other node make it non-empty, and the batched path runs instead.
RETURN NOT EXISTS { MATCH (n) WHERE NOT n:SchemaMigration } AS empty
