// Deletes every node and relationship in batches (keeps the schema). Used by `grec wipe` and the tests.
MATCH (n)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
