// Step 1 of writing a batch of events: which of these event ids are already stored?
// Those rows are skipped (idempotency by event id: re-loads and retried requests never double count).
// :param ids => ['e1', 'e2']
UNWIND $ids AS id
MATCH (e:Event {id: id})
RETURN e.id AS id
