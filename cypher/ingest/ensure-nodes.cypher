// Step 2: make sure every user and item an event batch refers to exists (distinct ids, one MERGE each),
// so the event rows below can use cheap MATCHes instead of one locking MERGE per row.
// :param userIds => ['u1']
// :param itemIds => ['i1']
CALL (*) { UNWIND $userIds AS uid MERGE (:User {id: uid}) }
CALL (*) { UNWIND $itemIds AS iid MERGE (:Item {id: iid}) }
RETURN size($userIds) + size($itemIds) AS ensured
